import { ApiProperty } from '@nestjs/swagger';
import { OFFER_STATUSES, type OfferStatus } from '../offer.entity';

export class OfferView {
  @ApiProperty() id: string;
  @ApiProperty() applicationId: string;
  @ApiProperty() cohortId: string;
  @ApiProperty() cohortName: string;
  @ApiProperty({ enum: OFFER_STATUSES }) status: OfferStatus;
  @ApiProperty({ description: 'UTC' }) expiresAt: string;
  @ApiProperty({ description: 'Vietnam time, e.g. 2027-06-07T23:59' }) expiresAtLocal: string;
  @ApiProperty({ nullable: true, type: String }) respondedAt: string | null;
  @ApiProperty() createdAt: string;
}
