import type { Provider } from '@nestjs/common';
import { readProgramData } from '@vgbf/config';
import { type AtRiskConfig, parseAtRiskConfig } from './at-risk-rules';

/**
 * What the at-risk rules read, checked once at start: a bad config/at-risk.json stops the process.
 * The feedback questions they judge are each cohort's own checkpoints, read in the SQL.
 */
export interface ReportsConfig {
  rules: AtRiskConfig;
}

export const REPORTS_CONFIG = Symbol('ReportsConfig');

export const reportsConfigProvider: Provider = {
  provide: REPORTS_CONFIG,
  useFactory: (): ReportsConfig => ({
    rules: parseAtRiskConfig(readProgramData('at-risk.json')),
  }),
};
