import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TransferRegister } from '@vgbf/personal-data';
import { PersonalDataTransfer } from './entities/personal-data-transfer.entity';
import { TransfersController } from './transfers.controller';
import { TransferRegisterService } from './transfer-register.service';

export const PRIVACY_TRANSFER_ENTITIES = [PersonalDataTransfer];

/** The transfer register: the TransferRegister port domain modules call, and the staff's page and CSV. */
@Module({
  imports: [TypeOrmModule.forFeature(PRIVACY_TRANSFER_ENTITIES)],
  controllers: [TransfersController],
  providers: [TransferRegisterService, { provide: TransferRegister, useExisting: TransferRegisterService }],
  exports: [TransferRegister],
})
export class TransfersModule {}
