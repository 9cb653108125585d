import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessLog } from '@vgbf/personal-data';
import { AccessLogController } from './access-log.controller';
import { AccessLogService } from './access-log.service';
import { PersonalDataAccess } from './entities/personal-data-access.entity';

export const PRIVACY_ACCESS_LOG_ENTITIES = [PersonalDataAccess];

/** The access log: the AccessLog port domain modules call, the staff's page, and a person's own view. */
@Module({
  imports: [TypeOrmModule.forFeature(PRIVACY_ACCESS_LOG_ENTITIES)],
  controllers: [AccessLogController],
  providers: [AccessLogService, { provide: AccessLog, useExisting: AccessLogService }],
  exports: [AccessLog],
})
export class AccessLogModule {}
