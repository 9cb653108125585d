import { IsInt, IsString, MaxLength, getMetadataStorage, validateSync } from 'class-validator';
import { cacheValidationMetadata } from './metadata-cache';

class Named {
  @IsString()
  name!: unknown;
}

const constraintsOf = (value: object) =>
  validateSync(value, { forbidUnknownValues: true }).map((e) => [e.property, Object.keys(e.constraints ?? {})]);

describe(cacheValidationMetadata.name, () => {
  beforeAll(() => cacheValidationMetadata());

  it('answers a class’s lookup from memory once asked', () => {
    const storage = getMetadataStorage();
    const first = storage.getTargetValidationMetadatas(Named, '', false, false);
    expect(storage.getTargetValidationMetadatas(Named, '', false, false)).toBe(first);
    expect(storage.groupByPropertyName(first)).toBe(storage.groupByPropertyName(first));
    expect(constraintsOf(Object.assign(new Named(), { name: 1 }))).toEqual([['name', ['isString']]]);
  });

  it('sees constraints of classes defined after it answered (a subclass adds to its parent’s)', () => {
    expect(constraintsOf(Object.assign(new Named(), { name: 'x'.repeat(20) }))).toEqual([]);
    class ShortNamed extends Named {
      @MaxLength(5)
      declare name: unknown;

      @IsInt()
      rank!: unknown;
    }
    expect(constraintsOf(Object.assign(new ShortNamed(), { name: 'x'.repeat(20), rank: 'a' }))).toEqual([
      ['name', ['maxLength']],
      ['rank', ['isInt']],
    ]);
    // The parent keeps its own constraints only.
    expect(constraintsOf(Object.assign(new Named(), { name: 'x'.repeat(20) }))).toEqual([]);
  });

  it('is installed once however often it is called', () => {
    const storage = getMetadataStorage();
    const lookup = storage.getTargetValidationMetadatas;
    cacheValidationMetadata();
    expect(storage.getTargetValidationMetadatas).toBe(lookup);
  });
});
