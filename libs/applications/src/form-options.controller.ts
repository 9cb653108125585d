import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { readProgramData } from '@vgbf/config';
import { Public } from '@vgbf/core';
import {
  EMPLOYEE_BANDS,
  ENGLISH_TESTS,
  ESSAY_LIMITS,
  GENDERS,
  JLPT_LEVELS,
  REVENUE_BANDS,
  SECTORS,
} from './dto/sections.dto';
import { REGIONS, type Region } from './entities/application.entity';

class ProvinceOption {
  @ApiProperty({ example: 'Đà Nẵng' }) name: string;
  @ApiProperty({ enum: REGIONS }) region: Region;
}

class EssayLimits {
  @ApiProperty() motivation: number;
  @ApiProperty() marketEntryPlan: number;
  @ApiProperty() ambassador: number;
}

export class FormOptionsView {
  @ApiProperty({ type: [ProvinceOption], description: 'The 63 provinces, each with the region it counts in' })
  provinces: ProvinceOption[];
  @ApiProperty({ enum: GENDERS, isArray: true }) genders: readonly string[];
  @ApiProperty({ enum: SECTORS, isArray: true }) sectors: readonly string[];
  @ApiProperty({ enum: EMPLOYEE_BANDS, isArray: true }) employeesBands: readonly string[];
  @ApiProperty({ enum: REVENUE_BANDS, isArray: true, description: 'Annual revenue in VND' })
  revenueBands: readonly string[];
  @ApiProperty({ enum: ENGLISH_TESTS, isArray: true }) englishTests: readonly string[];
  @ApiProperty({ enum: JLPT_LEVELS, isArray: true }) jlptLevels: readonly string[];
  @ApiProperty({ type: EssayLimits, description: 'Word limits' }) essayLimits: EssayLimits;
}

/**
 * The application form's choices, from the same lists the API validates against, so the form never
 * offers a value the server refuses. Public: the form can be previewed before signing in.
 */
@ApiTags('applications')
@Controller('applications/form-options')
export class FormOptionsController {
  private readonly options: FormOptionsView = {
    provinces: Object.entries(readProgramData('provinces.json') as Record<Region, string[]>).flatMap(
      ([region, names]) => names.map((name) => ({ name, region: region as Region })),
    ),
    genders: GENDERS,
    sectors: SECTORS,
    employeesBands: EMPLOYEE_BANDS,
    revenueBands: REVENUE_BANDS,
    englishTests: ENGLISH_TESTS,
    jlptLevels: JLPT_LEVELS,
    essayLimits: { ...ESSAY_LIMITS },
  };

  @Get()
  @Public()
  @ApiOkResponse({ type: FormOptionsView })
  get(): FormOptionsView {
    return this.options;
  }
}
