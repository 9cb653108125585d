/**
 * A stored answer or field (JSON: a string, number or boolean) as text. An object or array is written as JSON
 * rather than "[object Object]".
 */
export function scalarText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'undefined':
      return 'undefined';
    default:
      return JSON.stringify(value);
  }
}
