import { type ValidationArguments, registerDecorator } from 'class-validator';

/** A day (YYYY-MM-DD) that is not before another property's day, when both are given. */
export function OnOrAfter(property: string): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'onOrAfter',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [property],
      options: { message: `${String(propertyName)} must be on or after ${property}` },
      validator: {
        validate(value: unknown, args: ValidationArguments): boolean {
          const other = (args.object as Record<string, unknown>)[property];
          // ISO days compare as text; the other field's own checks report a malformed day.
          return typeof value !== 'string' || typeof other !== 'string' || value >= other;
        },
      },
    });
  };
}
