import { ValidateBy, type ValidationOptions } from 'class-validator';
import { scoreProblem } from '../language-scales';

/** class-validator: a result on the scale of the test named by the sibling property `testProperty`. */
export function IsScoreOf(testProperty: string, options?: ValidationOptions): PropertyDecorator {
  const testOf = (object: object): string => String((object as Record<string, unknown>)[testProperty]);
  return ValidateBy(
    {
      name: 'isScoreOf',
      validator: {
        validate: (value: unknown, args) => scoreProblem(args!.property, testOf(args!.object), value) === null,
        defaultMessage: (args) =>
          scoreProblem(args!.property, testOf(args!.object), args!.value) ?? `${args!.property} is not a valid result`,
      },
    },
    options,
  );
}
