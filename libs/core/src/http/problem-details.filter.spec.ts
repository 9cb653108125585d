import { DomainError } from '../errors/domain-error';
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
});
