import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError, type FieldError } from '../errors/domain-error';
import { fieldCodeOf } from '../validation/field-codes';
import { cacheValidationMetadata } from '../validation/metadata-cache';

/**
 * Flattens class-validator's tree into field errors (one per failed constraint): the dotted field
 * path, the constraint's code and params (`validation.max_length`, `{ max: 200 }`) and its English
 * message. The value itself is never echoed.
 */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [constraint, message] of Object.entries(error.constraints ?? {}))
      out.push({ field, message, ...fieldCodeOf(error, constraint) });
    if (error.children?.length) out.push(...toFieldErrors(error.children, field));
  }
  return out;
}

export class InputValidationError extends DomainError {
  constructor(errors: FieldError[]) {
    super('validation_failed', 'invalid', 'The request has invalid fields.', { errors });
  }
}

/**
 * The one ValidationPipe: strips nothing silently (unknown properties are errors), transforms to DTO classes.
 * Its process also remembers class-validator's metadata lookups (cacheValidationMetadata), for the pipe
 * and every other validate() of the process.
 */
export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    // One error per field: the check nearest the property (the type) runs first.
    stopAtFirstError: true,
    transform: true,
    // Target and value let toFieldErrors find each constraint's limits; neither leaves the server.
    validationError: { target: true, value: true },
    exceptionFactory: (errors) => new InputValidationError(toFieldErrors(errors)),
  });
}
