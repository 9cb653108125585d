import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@vgbf/audit';
import { IdentityModule } from '@vgbf/identity';
import { Fellow } from './entities/fellow.entity';
import { FellowsController } from './fellows.controller';
import { FellowsService } from './fellows.service';
import { FellowsHolder } from './personal-data/fellows.holder';

@Module({
  imports: [TypeOrmModule.forFeature([Fellow]), AuditModule, IdentityModule],
  controllers: [FellowsController],
  providers: [FellowsHolder, FellowsService],
  exports: [FellowsService],
})
export class FellowsModule {}
