import type { EntityManager } from 'typeorm';
import type { CalendarWords } from './calendar-words';

/** One entry of a person's calendar feed: a timed event, or an all-day one (a due date). */
export interface CalendarEntry {
  /** Stable across fetches, so calendar apps update an entry instead of adding a copy. */
  uid: string;
  start: Date;
  end: Date;
  allDay: boolean;
  summary: string;
  description?: string;
  /** Published as STATUS:CANCELLED, so calendar apps show it struck out instead of keeping a stale entry. */
  cancelled?: boolean;
}

/**
 * Something that puts entries in a user's feed. Mentoring sessions and their action items are the
 * first; programme milestones come later as another source (the seam: CalendarService.sources).
 */
export interface CalendarSource {
  /** `words`: the feed owner's language (their account's), for every word the entries carry. */
  entriesFor(manager: EntityManager, userId: string, words: CalendarWords): Promise<CalendarEntry[]>;
}
