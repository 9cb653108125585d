import { Module } from '@nestjs/common';
import { AuditModule } from '@vgbf/audit';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';
import { MentoringCalendarSource } from './mentoring-calendar-source';

/** The personal iCal feed (sessions and action items; milestones later). */
@Module({
  imports: [AuditModule],
  controllers: [CalendarController],
  providers: [CalendarService, MentoringCalendarSource],
})
export class CalendarModule {}
