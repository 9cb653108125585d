import { Global, Module } from '@nestjs/common';
import { AccessLogModule } from './access-log/access-log.module';
import { TransfersModule } from './transfers/transfers.module';
import { DataRequestsModule } from './requests/data-requests.module';
import { ConsentsModule } from './consents/consents.module';

/**
 * Personal data under Law 91/2025/QH15 and Decree 356/2025: notices and consents, people's requests,
 * retention, the transfer register, the access log, breaches. Global, because it provides the ports of
 * @vgbf/personal-data (ConsentLedger, TransferRegister, AccessLog) that domain modules inject; it never
 * imports a domain lib (DESIGN.md) — domain modules register what they hold through @vgbf/personal-data.
 * Each part is its own module under src/<part>/, imported here.
 */
@Global()
@Module({
  imports: [ConsentsModule, TransfersModule, AccessLogModule, DataRequestsModule],
  exports: [ConsentsModule, TransfersModule, AccessLogModule],
})
export class PrivacyModule {}
