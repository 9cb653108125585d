import { Injectable } from '@nestjs/common';
import { AppConfig } from '@vgbf/config';
import { formatInProgramZone } from '@vgbf/core';
import type { Language } from '@vgbf/identity';
import type { EmailMessage } from '@vgbf/outbox';
import type { EntityManager } from 'typeorm';
import { offerRecipients } from '../data-access/offers';

/** Who an offer email goes to, in their language. */
export interface OfferRecipient {
  applicationId: string;
  email: string;
  language: Language;
  /** The name on the application (as the committee knew them), else the account's. */
  fullName: string;
  cohort: string;
}

/** The offer emails (the offer itself and its reminder), built the same for the preview and the outbox. */
@Injectable()
export class OfferMail {
  constructor(private readonly config: AppConfig) {}

  /** The recipients of these applications, by application id (one query, in the caller's transaction). */
  async recipients(manager: EntityManager, applicationIds: string[]): Promise<Map<string, OfferRecipient>> {
    if (!applicationIds.length) return new Map();
    const rows = await offerRecipients(manager, applicationIds);
    return new Map(
      rows.map((r) => [
        r.application_id,
        {
          applicationId: r.application_id,
          email: r.email,
          language: r.language,
          fullName: r.full_name,
          cohort: r.cohort,
        },
      ]),
    );
  }

  message(template: 'offer' | 'offer-reminder', to: OfferRecipient, expiresAt: Date): EmailMessage {
    return {
      template,
      to: to.email,
      language: to.language,
      data: {
        fullName: to.fullName,
        cohort: to.cohort,
        deadline: formatInProgramZone(expiresAt),
        // The applicant answers on their application's page.
        link: `${this.config.PUBLIC_URL}/applications/${to.applicationId}`,
      },
    };
  }
}

/** An offer made now expires after the cohort's response days. */
export function offerExpiry(now: Date, responseDays: number): Date {
  return new Date(now.getTime() + responseDays * 86_400_000);
}
