import { Module, type OnModuleInit } from '@nestjs/common';
import { ReminderPipeline, ReminderPipelineModule } from '@vgbf/notifications';
import { MilestoneReminderFamily } from './milestone-reminder-family';

/** The worker side: registers the milestones' reminder family with the one reminder pipeline. */
@Module({
  imports: [ReminderPipelineModule],
  providers: [MilestoneReminderFamily],
  exports: [MilestoneReminderFamily],
})
export class MilestoneReminderJobsModule implements OnModuleInit {
  constructor(
    private readonly pipeline: ReminderPipeline,
    private readonly family: MilestoneReminderFamily,
  ) {}

  onModuleInit(): void {
    this.pipeline.register(this.family);
  }
}
