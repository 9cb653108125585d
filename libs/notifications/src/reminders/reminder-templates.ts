import { TEMPLATES, type TemplateText } from '@vgbf/mail';
import type { ReminderChain } from './reminder-chain';

const WORDS = { vi: 'bắt buộc', en: 'mandatory' } as const;

/**
 * What a chain's emails must say at their foot, checked when a family registers (so at every start of
 * the API and the worker): an optional step's template offers the unsubscribe link in both languages,
 * a mandatory step's template offers none and says that it is mandatory (why it cannot be turned off).
 * Returns the problems, empty when the chain is right.
 */
export function reminderTemplateProblems(family: string, chain: ReminderChain): string[] {
  const problems: string[] = [];
  for (const step of chain) {
    const template = TEMPLATES[step.template];
    for (const language of ['vi', 'en'] as const) {
      const t: TemplateText = template[language];
      const text = [t.subject, ...t.paragraphs].join('\n');
      const where = `Reminder family "${family}", step ${step.step} (${step.template}, ${language})`;
      const offers = text.includes('{unsubscribeUrl}');
      if (!step.mandatory && !offers) problems.push(`${where} is optional but offers no {unsubscribeUrl}`);
      if (step.mandatory && offers) problems.push(`${where} is mandatory but offers {unsubscribeUrl}`);
      if (step.mandatory && !text.toLowerCase().includes(WORDS[language]))
        problems.push(`${where} is mandatory but does not say so ("${WORDS[language]}")`);
    }
  }
  return problems;
}
