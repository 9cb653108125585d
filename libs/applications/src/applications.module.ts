import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CohortsModule } from '@vgbf/cohorts';
import { Clock } from '@vgbf/core';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';
import { Application } from './entities/application.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Application]), CohortsModule],
  controllers: [ApplicationsController],
  providers: [ApplicationsService, Clock],
  exports: [ApplicationsService],
})
export class ApplicationsModule {}
