import { scoreProblem } from './language-scales';

describe(scoreProblem.name, () => {
  it.each([
    ['IELTS', 10],
    ['IELTS', 6.3],
    ['IELTS', 95],
    ['IELTS', -0.5],
    ['TOEFL', 80.5],
    ['TOEFL', 121],
    ['TOEIC', 5],
    ['TOEIC', 992],
    ['TOEIC', 995],
    ['TOPIK', 7],
    ['TOPIK', 2.5],
    ['JLPT', 'N6'],
    ['JLPT', 3],
    ['IELTS', '6.3'],
    ['IELTS', 'seven'],
  ])('refuses %s %j with a sentence naming the field and the scale', (test, value) => {
    expect(scoreProblem('score', test, value)).toMatch(new RegExp(`^score must be a ${test} result from `));
  });

  it.each([
    ['IELTS', 0],
    ['IELTS', 6.5],
    ['IELTS', 9],
    ['IELTS', '6.5'],
    ['TOEFL', 120],
    ['TOEIC', 10],
    ['TOEIC', 990],
    ['TOPIK', 6],
    ['JLPT', 'N1'],
    ['JLPT', 'N5'],
    ['OTHER', 'French B2'],
  ])('takes %s %j', (test, value) => expect(scoreProblem('score', test, value)).toBeNull());

  it('says the scale in the message', () => {
    expect(scoreProblem('english.score', 'IELTS', 6.3)).toBe(
      'english.score must be a IELTS result from 0 to 9 in steps of 0.5',
    );
  });
});
