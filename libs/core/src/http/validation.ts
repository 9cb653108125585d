import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError, type FieldError } from '../errors/domain-error';

/** Flattens class-validator's tree into `field.path: message` pairs (one per failed constraint). */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) out.push({ field, message });
    if (error.children?.length) out.push(...toFieldErrors(error.children, field));
  }
  return out;
}

export class InputValidationError extends DomainError {
  constructor(errors: FieldError[]) {
    super('validation_failed', 'invalid', 'The request has invalid fields.', { errors });
  }
}

/** The one ValidationPipe: strips nothing silently (unknown properties are errors), transforms to DTO classes. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    // One error per field: the check nearest the property (the type) runs first.
    stopAtFirstError: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InputValidationError(toFieldErrors(errors)),
  });
}
