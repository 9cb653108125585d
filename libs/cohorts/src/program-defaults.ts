import { readProgramData } from '@vgbf/config';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { HubDto } from './dto/cohort.dto';
import type { EligibilityRule } from './entities/cohort.entity';

/** The default hubs (config/hubs.json), validated like staff input: a bad file stops the start. */
export function defaultHubs(): HubDto[] {
  const hubs = plainToInstance(HubDto, readProgramData('hubs.json') as object[]);
  const problems = hubs.flatMap((hub, i) =>
    validateSync(hub, { whitelist: true, forbidNonWhitelisted: true }).map((e) => `hubs[${i}].${e.property}`),
  );
  if (!Array.isArray(hubs) || problems.length) throw new Error(`config/hubs.json is invalid: ${problems.join(', ')}`);
  return hubs;
}

/** The default eligibility rules of a new cohort (config/eligibility.json). */
export function defaultEligibilityRules(): EligibilityRule[] {
  const rules = readProgramData('eligibility.json') as EligibilityRule[];
  if (!Array.isArray(rules) || rules.some((r) => typeof r.code !== 'string' || typeof r.params !== 'object')) {
    throw new Error('config/eligibility.json must be a list of { code, params }');
  }
  return rules;
}
