export { AnnouncementsModule, ANNOUNCEMENT_ENTITIES } from './announcements.module';
export { AUDIENCES, Announcement, AnnouncementRecipient, type Audience } from './entities/announcement.entity';
