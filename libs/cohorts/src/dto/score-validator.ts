import { declareFieldCodes } from '@vgbf/core';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { scoreProblem } from '../language-scales';

declareFieldCodes('isScoreOf', {
  codes: ['validation.score_of'],
  resolve: (_value, constraints, object) => {
    const test = (object as Record<string, unknown> | undefined)?.[String(constraints[0])];
    return { code: 'validation.score_of', params: { test: typeof test === 'string' ? test : '' } };
  },
});

/** class-validator: a result on the scale of the test named by the sibling property `testProperty`. */
export function IsScoreOf(testProperty: string, options?: ValidationOptions): PropertyDecorator {
  const testOf = (object: object): string => String((object as Record<string, unknown>)[testProperty]);
  return ValidateBy(
    {
      name: 'isScoreOf',
      constraints: [testProperty],
      validator: {
        validate: (value: unknown, args) => scoreProblem(args!.property, testOf(args!.object), value) === null,
        defaultMessage: (args) =>
          scoreProblem(args!.property, testOf(args!.object), args!.value) ?? `${args!.property} is not a valid result`,
      },
    },
    options,
  );
}
