import type { ValidationError } from '@nestjs/common';
import { toFieldErrors } from './validation';

describe(toFieldErrors.name, () => {
  it('flattens nested errors into dotted field paths, one per failed constraint', () => {
    const errors: ValidationError[] = [
      { property: 'email', constraints: { isEmail: 'email must be an email' }, children: [] },
      {
        property: 'referees',
        children: [
          {
            property: '0',
            children: [
              { property: 'name', constraints: { isNotEmpty: 'name should not be empty', maxLength: 'too long' } },
            ],
          },
        ],
      },
    ];
    expect(toFieldErrors(errors)).toEqual([
      { field: 'email', message: 'email must be an email' },
      { field: 'referees.0.name', message: 'name should not be empty' },
      { field: 'referees.0.name', message: 'too long' },
    ]);
  });
});
