import { Module } from '@nestjs/common';
import { ConfigModule } from '@vgbf/config';
import { DatabaseModule } from '@vgbf/database';
import { IdentityModule } from '@vgbf/identity';
import { QueueModule } from '@vgbf/queue';
import { CreateAdminCommand, SeedCommand } from './commands';

@Module({
  imports: [ConfigModule, DatabaseModule.forRoot(), QueueModule.forRoot(), IdentityModule],
  providers: [SeedCommand, CreateAdminCommand],
})
export class CliModule {}
