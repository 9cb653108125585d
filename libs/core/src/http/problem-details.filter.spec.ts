import { DomainError, NotFoundError } from '../errors/domain-error';
import { languageOf, localizeProblem } from '../i18n/catalogue';
import { toProblem } from './problem-details.filter';

describe(toProblem.name, () => {
  const logger = { error: jest.fn() };

  it('keeps the status, title and code of a domain error whose details use the same names', () => {
    const error = new DomainError('pairing_ended', 'conflict', 'The pair has ended.', {
      status: 'ended',
      title: 'x',
      extra: 1,
    });
    const problem = toProblem(error, logger);
    expect(problem).toMatchObject({ status: 409, title: 'Conflict', code: 'pairing_ended', extra: 1 });
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('gives every field error a code and params: its own, else the error’s', () => {
    const error = new DomainError('document_too_large', 'too_large', 'Too large.', {
      maxMegabytes: 10,
      errors: [
        { field: 'file', message: 'file must be at most 10 MB' },
        { field: 'name', message: 'x', code: 'validation.max_length', params: { max: 5 } },
      ],
    });
    expect(toProblem(error, logger)).toMatchObject({
      code: 'document_too_large',
      params: { maxMegabytes: 10 },
      errors: [
        { field: 'file', code: 'document_too_large', params: { maxMegabytes: 10 } },
        { field: 'name', code: 'validation.max_length', params: { max: 5 } },
      ],
    });
  });

  it('names a NotFoundError by its entity in snake_case', () => {
    expect(toProblem(new NotFoundError('Selected application', 'x'), logger).code).toBe(
      'selected_application_not_found',
    );
  });

  it('speaks Vietnamese when asked, from the catalogue, and English otherwise', () => {
    const problem = toProblem(
      new DomainError('too_many_attempts', 'rate_limited', 'Too many attempts. Try again in 30 seconds.', {
        retryAfterSeconds: 30,
        errors: [{ field: 'email', message: 'email must be an email', code: 'validation.is_email' }],
      }),
      logger,
    );
    const vi = localizeProblem(problem, 'vi');
    expect(vi.detail).toBe('Bạn đã thử quá nhiều lần. Hãy thử lại sau 30 giây.');
    expect(vi.errors).toEqual([expect.objectContaining({ message: 'Phải là địa chỉ email hợp lệ.' })]);
    expect(localizeProblem(problem, 'en')).toBe(problem);
    expect(languageOf('vi-VN,vi;q=0.9,en;q=0.8')).toBe('vi');
    expect(languageOf('fr, en;q=0.5, vi;q=0.4')).toBe('en');
    expect(languageOf('de')).toBe('en');
    expect(languageOf(undefined)).toBe('en');
  });
});
