import { Controller, Get, Header, Query, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Clock, type Page, PageOf, Roles, attachmentDisposition } from '@vgbf/core';
import { TransferCountriesView, TransferFilterQuery, TransferQuery, TransferView } from './dto/transfer.dto';
import { TRANSFER_CSV_COLUMNS } from './transfers-csv';
import { TransferRegisterService } from './transfer-register.service';

/** The transfer register, for staff and admins only (it lists people and where their data went). */
@ApiTags('privacy')
@Controller('privacy/transfers')
@Roles('staff', 'admin')
export class TransfersController {
  constructor(
    private readonly register: TransferRegisterService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOkResponse({ type: PageOf(TransferView), description: 'The register, newest first, paginated' })
  @ApiBadRequestResponse({ description: 'Bad filters' })
  list(@Query() query: TransferQuery): Promise<Page<TransferView>> {
    return this.register.list(query);
  }

  @Get('countries')
  @ApiOkResponse({ type: TransferCountriesView })
  async countries(): Promise<TransferCountriesView> {
    return { countries: await this.register.countries() };
  }

  @Get('export.csv')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: `Every row the filters select, newest first, as a CSV attachment (UTF-8 with BOM); columns ${TRANSFER_CSV_COLUMNS.join(', ')}`,
  })
  @ApiBadRequestResponse({ description: 'Bad filters' })
  async export(@Query() query: TransferFilterQuery): Promise<StreamableFile> {
    const day = this.clock.now().toISOString().slice(0, 10);
    return new StreamableFile(Buffer.from(await this.register.csv(query), 'utf8'), {
      type: 'text/csv; charset=utf-8',
      disposition: attachmentDisposition(`transfer-register-${day}.csv`),
    });
  }
}
