import { Body, Controller, HttpCode, Injectable, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CohortsService,
  EligibilityPreviewDto,
  EligibilityPreviewView,
  eligibilityRuleErrors,
  type EligibilityRule,
} from '@vgbf/cohorts';
import { DomainError, Roles } from '@vgbf/core';
import { DataSource } from 'typeorm';
import { eligibilityFacts } from './data-access/application-reads';
import { evaluateEligibility } from './eligibility';

class InvalidRulesError extends DomainError {
  constructor(errors: Array<{ field: string; message: string }>) {
    super('invalid_eligibility_rules', 'invalid', errors.map((e) => e.message).join(' '), { errors });
  }
}

/**
 * How many of a cohort's current applications (drafts and submitted, not withdrawn) a set of rules
 * would pass, judged by the very function the submit uses, on the cohort's closing day. Reads only.
 */
@Injectable()
export class EligibilityPreviewService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cohorts: CohortsService,
  ) {}

  async preview(cohortId: string, input: EligibilityPreviewDto['rules']): Promise<EligibilityPreviewView> {
    const errors = eligibilityRuleErrors(input, 'rules');
    if (errors.length) throw new InvalidRulesError(errors);
    const rules: EligibilityRule[] = input.map(({ code, params }) => ({ code, params: { ...params } }));
    const cohort = await this.cohorts.settings(cohortId);
    const rows = await eligibilityFacts(this.db.manager, cohortId);
    const failingByRule: Record<string, number> = Object.fromEntries(rules.map((r) => [r.code, 0]));
    let passing = 0;
    for (const facts of rows) {
      const failed = evaluateEligibility(rules, facts, cohort.applicationClosesAt).filter((o) => !o.passed);
      if (!failed.length) passing += 1;
      for (const f of failed) failingByRule[f.code] = (failingByRule[f.code] ?? 0) + 1;
    }
    return { applications: rows.length, passing, failingByRule };
  }
}

@ApiTags('cohorts')
@Controller('cohorts/:cohortId/eligibility-preview')
@Roles('staff', 'admin')
export class EligibilityPreviewController {
  constructor(private readonly previews: EligibilityPreviewService) {}

  @Post()
  @HttpCode(200)
  @ApiOkResponse({ type: EligibilityPreviewView, description: 'Writes nothing' })
  preview(
    @Param('cohortId', ParseUUIDPipe) cohortId: string,
    @Body() body: EligibilityPreviewDto,
  ): Promise<EligibilityPreviewView> {
    return this.previews.preview(cohortId, body.rules);
  }
}
