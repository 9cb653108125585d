import type { ValidationError } from '@nestjs/common';
import { IsEmail, IsString, Matches, MaxLength, ValidateNested, validateSync } from 'class-validator';
import { IsCalendarDate } from '../validation/calendar-date';
import { toFieldErrors } from './validation';

class Referee {
  @IsString() @MaxLength(5) name: string;
}

class Form {
  @IsEmail() email: string;
  @Matches(/^\+84\d{9}$/, {
    message: 'phone must be a Vietnamese mobile number',
    context: { code: 'validation.vn_phone' },
  })
  phone: string;
  @IsCalendarDate({ min: '2000-01-01', max: '2000-12-31' }) day: string;
  @ValidateNested() referee: Referee;
}

const form = (values: Partial<Record<keyof Form, unknown>>): Form => {
  const f = new Form();
  const referee = Object.assign(new Referee(), { name: 'An' }, values.referee);
  return Object.assign(f, { email: 'a@b.vn', phone: '+84912345678', day: '2000-06-01', ...values, referee });
};

describe(toFieldErrors.name, () => {
  it('flattens nested errors into dotted field paths, one per failed constraint', () => {
    const errors: ValidationError[] = [
      { property: 'email', constraints: { isEmail: 'email must be an email' }, children: [] },
      {
        property: 'referees',
        children: [
          { property: '0', children: [{ property: 'name', constraints: { isNotEmpty: 'name should not be empty' } }] },
        ],
      },
    ];
    expect(toFieldErrors(errors)).toEqual([
      { field: 'email', message: 'email must be an email', code: 'validation.is_email', params: {} },
      { field: 'referees.0.name', message: 'name should not be empty', code: 'validation.is_not_empty', params: {} },
    ]);
  });

  it('gives each failed check its code and limits, a declared code, and a custom check’s own code', () => {
    const errors = toFieldErrors(
      validateSync(form({ email: 'nope', phone: '0912', day: '2001-02-03', referee: { name: 'far too long' } })),
    );
    expect(errors).toEqual([
      expect.objectContaining({ field: 'email', code: 'validation.is_email', params: {} }),
      expect.objectContaining({
        field: 'phone',
        code: 'validation.vn_phone',
        message: 'phone must be a Vietnamese mobile number',
      }),
      expect.objectContaining({
        field: 'day',
        code: 'validation.date_between',
        params: { min: '2000-01-01', max: '2000-12-31' },
      }),
      expect.objectContaining({ field: 'referee.name', code: 'validation.max_length', params: { max: 5 } }),
    ]);
    expect(toFieldErrors(validateSync(form({ day: '2000-02-30' })))).toEqual([
      expect.objectContaining({ field: 'day', code: 'validation.calendar_date' }),
    ]);
  });
});
