import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxMessage } from './entities/outbox-message.entity';
import { OutboxRelay } from './outbox-relay';
import { OutboxService } from './outbox.service';
import { OutboxHolder } from './personal-data/outbox.holder';

@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessage])],
  providers: [OutboxHolder, OutboxService, OutboxRelay],
  exports: [OutboxService, OutboxRelay, TypeOrmModule],
})
export class OutboxModule {}
