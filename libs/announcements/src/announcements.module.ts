import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@vgbf/audit';
import { OutboxModule } from '@vgbf/outbox';
import { AnnouncementsController } from './announcements.controller';
import { AnnouncementsService } from './announcements.service';
import { Announcement, AnnouncementRecipient } from './entities/announcement.entity';
import { AnnouncementsHolder } from './personal-data/announcements.holder';

export const ANNOUNCEMENT_ENTITIES = [Announcement, AnnouncementRecipient];

/** Programme notices from staff to a cohort's applicants, fellows or mentors (email + home page). */
@Module({
  imports: [TypeOrmModule.forFeature(ANNOUNCEMENT_ENTITIES), AuditModule, OutboxModule],
  controllers: [AnnouncementsController],
  providers: [AnnouncementsHolder, AnnouncementsService],
})
export class AnnouncementsModule {}
