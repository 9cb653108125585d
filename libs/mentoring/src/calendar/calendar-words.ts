import { type LabelLanguage, labelOf } from '@vgbf/config';
import { programDay } from '@vgbf/core';

/**
 * The words of a person's calendar feed, in their language, with the glossary's terms (a session is
 * a "buổi gặp", a mentor a "cố vấn"); topics and modes by their labels in config/vocabulary.json.
 */
const WORDS: Record<
  LabelLanguage,
  { session: string; topics: string; action: string; agenda: string; from: string; calendar: string }
> = {
  vi: {
    session: 'Buổi gặp cố vấn',
    topics: 'Chủ đề',
    action: 'Việc cần làm',
    agenda: 'Nội dung dự kiến',
    from: 'Từ buổi gặp cố vấn với {name} ngày {day}',
    calendar: 'VGBF Cohort — lịch cố vấn',
  },
  en: {
    session: 'Mentoring',
    topics: 'Topics',
    action: 'Action',
    agenda: 'Agenda',
    from: 'From the mentoring session with {name} on {day}',
    calendar: 'VGBF Cohort — mentoring',
  },
};

export class CalendarWords {
  constructor(readonly language: LabelLanguage) {}

  get calendarName(): string {
    return WORDS[this.language].calendar;
  }

  sessionSummary(otherName: string): string {
    return `${WORDS[this.language].session}: ${otherName}`;
  }

  /** "Gọi video. Chủ đề: Thâm nhập thị trường, Đối tác" — the free-text "other" topic as written. */
  sessionDescription(mode: string, topics: readonly string[], otherTopic: string | null): string {
    const named = [
      ...topics.filter((t) => t !== 'other').map((t) => labelOf('sessionTopic', t, this.language)),
      ...(otherTopic ? [otherTopic] : []),
    ];
    const parts = [labelOf('sessionMode', mode, this.language)];
    if (named.length) parts.push(`${WORDS[this.language].topics}: ${named.join(', ')}`);
    return parts.join('. ');
  }

  plannedDescription(mode: string, agenda: string): string {
    return [labelOf('sessionMode', mode, this.language), agenda ? `${WORDS[this.language].agenda}: ${agenda}` : '']
      .filter(Boolean)
      .join('. ');
  }

  actionSummary(text: string): string {
    return `${WORDS[this.language].action}: ${text}`;
  }

  /** The session's day in Vietnam time (dd/mm/yyyy in Vietnamese, yyyy-mm-dd in English). */
  actionDescription(otherName: string, heldAt: Date): string {
    const day = programDay(heldAt);
    const shown = this.language === 'vi' ? day.split('-').reverse().join('/') : day;
    return WORDS[this.language].from.replace('{name}', otherName).replace('{day}', shown);
  }
}
