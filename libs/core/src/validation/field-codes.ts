import type { ValidationError } from 'class-validator';
import { getMetadataStorage } from 'class-validator';
import type { ProblemParams } from '../errors/domain-error';

/** The code of a failed check and the values its message needs. */
export interface FieldCode {
  code: string;
  params?: ProblemParams;
}

/** The minimal face of class-validator's ValidationMetadata this module reads. */
export interface ConstraintMetadata {
  type: string;
  name?: string;
  propertyName: string;
  constraints?: unknown[];
  context?: { code?: string };
}

/** What the constraint values of a built-in check mean, in order (`@Length(min, max)`). */
const PARAM_NAMES: Record<string, string[]> = {
  maxLength: ['max'],
  minLength: ['min'],
  isLength: ['min', 'max'],
  min: ['min'],
  max: ['max'],
  arrayMaxSize: ['max'],
  arrayMinSize: ['min'],
  isIn: ['values'],
  isNotIn: ['values'],
  draftTextLimit: ['max'],
  onOrAfter: ['other'],
};

/** Checks class-validator adds on its own, whatever the DTO declares. */
const BUILT_IN: Record<string, string> = {
  whitelistValidation: 'validation.unknown_property',
  nestedValidation: 'validation.nested_object',
  unknownValue: 'validation.unknown_value',
  isDefined: 'validation.is_defined',
};

/** Codes a field error can carry whatever the DTOs declare (for the catalogue test). */
export const BUILT_IN_FIELD_CODES: readonly string[] = Object.values(BUILT_IN);

interface Declared {
  codes: readonly string[];
  resolve: (value: unknown, constraints: unknown[], object: object | undefined) => FieldCode;
}
const DECLARED = new Map<string, Declared>();

/**
 * For a custom check whose failure has several meanings (a date that is not a date vs. one out of
 * range): the codes it can produce and how to tell them apart. Call next to the decorator.
 */
export function declareFieldCodes(constraint: string, declared: Declared): void {
  DECLARED.set(constraint, declared);
}

const snake = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/** The code a constraint's failure has without a declaration: `maxLength` → `validation.max_length`. */
export const defaultFieldCode = (constraint: string): string =>
  BUILT_IN[constraint] ?? `validation.${snake(constraint)}`;

const constraintName = (metadata: ConstraintMetadata): string => metadata.name ?? metadata.type;

/** Every code a declared check can produce (its context code, its declared codes, or the default). */
export function possibleFieldCodes(metadata: ConstraintMetadata): string[] {
  // IsOptional/ValidateIf only decide whether the other checks run; a custom class without a name has none.
  if (metadata.type === 'conditionalValidation' || constraintName(metadata) === 'customValidation') return [];
  if (metadata.context?.code) return [metadata.context.code];
  const declared = DECLARED.get(constraintName(metadata));
  if (declared) return [...declared.codes];
  return [defaultFieldCode(constraintName(metadata))];
}

function metadataOf(target: object | undefined, property: string, constraint: string): ConstraintMetadata | undefined {
  if (!target) return undefined;
  const all = getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', true, false);
  return (all as ConstraintMetadata[]).find((m) => m.propertyName === property && constraintName(m) === constraint);
}

const paramValue = (value: unknown): ProblemParams[string] =>
  Array.isArray(value)
    ? value.map((v) => (typeof v === 'number' ? v : String(v)))
    : value instanceof Date
      ? value.toISOString()
      : typeof value === 'number' || typeof value === 'boolean'
        ? value
        : String(value);

/** The code and params of one failed constraint of a class-validator error. */
export function fieldCodeOf(error: ValidationError, constraint: string): FieldCode {
  const context = error.contexts?.[constraint] as { code?: string } | undefined;
  const metadata = metadataOf(error.target, error.property, constraint);
  const constraints = metadata?.constraints ?? [];
  const declared = DECLARED.get(constraint);
  if (!context?.code && declared) return declared.resolve(error.value, constraints, error.target);
  const names = PARAM_NAMES[constraint] ?? [];
  const params: ProblemParams = {};
  names.forEach((name, i) => {
    if (constraints[i] !== undefined && typeof constraints[i] !== 'function') params[name] = paramValue(constraints[i]);
  });
  return { code: context?.code ?? defaultFieldCode(constraint), params };
}
