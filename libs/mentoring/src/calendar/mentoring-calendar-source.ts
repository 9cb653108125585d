import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { plansOfUser, sessionsOfUser } from '../data-access/calendar';
import type { CalendarEntry, CalendarSource } from './calendar-entry';
import type { CalendarWords } from './calendar-words';

const DAY_MS = 86_400_000;

/** The user's mentoring sessions (as mentor or as fellow) and the due dates of their action items. */
@Injectable()
export class MentoringCalendarSource implements CalendarSource {
  async entriesFor(manager: EntityManager, userId: string, words: CalendarWords): Promise<CalendarEntry[]> {
    const rows = await sessionsOfUser(manager, userId);
    const entries: CalendarEntry[] = [];
    for (const s of rows) {
      entries.push({
        uid: `session-${s.id}@vgbf-cohort`,
        start: s.held_at,
        end: new Date(s.held_at.getTime() + s.duration_minutes * 60_000),
        allDay: false,
        summary: words.sessionSummary(s.other_name),
        description: words.sessionDescription(s.mode, s.topics, s.other_topic),
      });
      s.action_items.forEach((item, index) => {
        if (!item.dueOn) return;
        const day = Date.parse(`${item.dueOn}T00:00:00Z`);
        entries.push({
          // The item's place in its session's list: items are edited as a whole list, before confirmation.
          uid: `action-${s.id}-${index}@vgbf-cohort`,
          start: new Date(day),
          end: new Date(day + DAY_MS),
          allDay: true,
          summary: words.actionSummary(item.text),
          description: words.actionDescription(s.other_name, s.held_at),
        });
      });
    }
    return [...entries, ...(await this.planned(manager, userId, words))];
  }

  /**
   * Upcoming sessions: planned ones, and cancelled ones (marked so, so calendar apps strike them);
   * a logged one leaves the feed, its session is there under its own UID.
   */
  private async planned(manager: EntityManager, userId: string, words: CalendarWords): Promise<CalendarEntry[]> {
    const rows = await plansOfUser(manager, userId);
    return rows.map((r) => ({
      uid: `planned-session-${r.id}@vgbf-cohort`,
      start: r.starts_at,
      end: new Date(r.starts_at.getTime() + r.duration_minutes * 60_000),
      allDay: false,
      summary: words.sessionSummary(r.other_name),
      description: words.plannedDescription(r.mode, r.agenda),
      cancelled: r.status === 'cancelled',
    }));
  }
}
