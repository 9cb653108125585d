export type MailLanguage = 'vi' | 'en';

export interface TemplateText {
  subject: string;
  /** Paragraphs; {name} placeholders are filled from the data (escaped in HTML). */
  paragraphs: string[];
  /** Optional call to action: the button label and the data key holding its URL. */
  action?: { label: string; urlKey: string };
  /**
   * Optional compact table after the paragraphs: the data key holds JSON `string[][]`, the first row
   * its header (every cell escaped in HTML).
   */
  table?: { dataKey: string };
}

export type Template = Record<MailLanguage, TemplateText> & {
  /** Example data, for the staff preview. */
  sample: Record<string, string>;
  /**
   * Data keys that hold codes (one, or a comma-separated list) and the enumeration they belong to:
   * the email shows their words in the recipient's language (code-words.ts), never the code.
   */
  codes?: Record<string, string>;
};
