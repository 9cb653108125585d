import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Roles } from '@vgbf/core';
import { OfferView } from './dto/offer.dto';
import { OffersService } from './offers.service';

/** The applicant's offers: see them, accept or decline before the deadline. */
@ApiTags('offers')
@Controller('offers')
@Roles('applicant')
export class OffersController {
  constructor(private readonly offers: OffersService) {}

  @Get('mine')
  @ApiOkResponse({ type: [OfferView] })
  mine(@CurrentUser() actor: AuthenticatedUser): Promise<OfferView[]> {
    return this.offers.mine(actor);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiOkResponse({ type: OfferView })
  @ApiConflictResponse({ description: 'offer_not_pending or offer_expired' })
  accept(@CurrentUser() actor: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<OfferView> {
    return this.offers.accept(actor, id);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @ApiOkResponse({ type: OfferView, description: 'The freed seat goes to the best waitlisted candidate who fits' })
  @ApiConflictResponse({ description: 'offer_not_pending or offer_expired' })
  decline(@CurrentUser() actor: AuthenticatedUser, @Param('id', ParseUUIDPipe) id: string): Promise<OfferView> {
    return this.offers.decline(actor, id);
  }
}
