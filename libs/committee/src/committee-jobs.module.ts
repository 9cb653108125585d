import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Application, ApplicationStatusChange, ApplicationTransitions } from '@vgbf/applications';
import { AuditModule } from '@vgbf/audit';
import { Cohort, Hub } from '@vgbf/cohorts';
import { User } from '@vgbf/identity';
import { ReminderPipeline, ReminderPipelineModule } from '@vgbf/notifications';
import { OutboxModule } from '@vgbf/outbox';
import { Offer } from './offers/offer.entity';
import { WaitlistEntry } from './offers/waitlist-entry.entity';
import { OfferJobs } from './offers/offer-jobs';
import { OfferMail } from './offers/offer-mail';
import { SeatReplacement } from './offers/seat-replacement';
import { ReviewReminders } from './reminders/review-reminders';
import { SelectionRun } from './selection/selection-run.entity';

/**
 * The committee's scheduled jobs (offer expiry and reminders; review reminders through the reminder pipeline) and the seat
 * replacement they share with the API's declines. The worker imports this module, not the whole
 * committee: no controllers, and only the tables these touch.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      SelectionRun,
      Offer,
      WaitlistEntry,
      Application,
      ApplicationStatusChange,
      Cohort,
      Hub,
      User,
    ]),
    AuditModule,
    OutboxModule,
    ReminderPipelineModule,
  ],
  // ApplicationTransitions is stateless; providing it here keeps the applications controllers out of the worker.
  providers: [ApplicationTransitions, OfferMail, SeatReplacement, OfferJobs, ReviewReminders],
  exports: [OfferMail, SeatReplacement, OfferJobs, ReviewReminders],
})
export class CommitteeJobsModule implements OnModuleInit {
  constructor(
    private readonly pipeline: ReminderPipeline,
    private readonly reviewReminders: ReviewReminders,
  ) {}

  /** Review reminders are a family of the one reminder pipeline. */
  onModuleInit(): void {
    this.pipeline.register(this.reviewReminders);
  }
}
