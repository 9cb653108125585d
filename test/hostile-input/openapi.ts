import { randomUUID } from 'node:crypto';

/** The parts of an OpenAPI 3 document the hostile-input sweep reads. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  minimum?: number;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}

interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface OperationObject {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface Operation {
  /** e.g. `PATCH /api/v1/applications/:id/personal`, as the authorization matrix names routes. */
  key: string;
  method: string;
  /** The path template with `:param`s. */
  path: string;
  pathParams: string[];
  query: Array<{ name: string; required: boolean; schema: Schema }>;
  jsonBody?: Schema;
  multipart: boolean;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'];

/** Every operation of the document. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  const out: Operation[] = [];
  for (const [template, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const path = template.replace(/\{(\w+)\}/g, ':$1');
      const parameters = operation.parameters ?? [];
      const content = operation.requestBody?.content ?? {};
      out.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: parameters
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, required: p.required === true, schema: p.schema ?? {} })),
        jsonBody: content['application/json']?.schema,
        multipart: 'multipart/form-data' in content,
      });
    }
  }
  return out;
}

/** A schema with its `$ref` and first `allOf`/`oneOf`/`anyOf` branch followed. */
export function resolve(document: OpenApiDocument, schema: Schema | undefined): Schema {
  let current = schema ?? {};
  for (let i = 0; i < 10; i += 1) {
    if (current.$ref) current = document.components?.schemas?.[current.$ref.split('/').pop() ?? ''] ?? {};
    else if (current.allOf?.length === 1) current = current.allOf[0];
    else if (current.oneOf?.length) current = current.oneOf[0];
    else if (current.anyOf?.length) current = current.anyOf[0];
    else break;
  }
  if (current.allOf && current.allOf.length > 1) {
    const merged: Schema = { type: 'object', properties: {} };
    for (const part of current.allOf) Object.assign(merged.properties ?? {}, resolve(document, part).properties);
    return merged;
  }
  return current;
}

/** A plausible value for a scalar schema (valid enough that other fields do not hide the one tested). */
export function plausible(schema: Schema): unknown {
  if (schema.enum?.length) return schema.enum[0];
  if (schema.example !== undefined && typeof schema.example !== 'object') return schema.example;
  if (schema.type === 'integer' || schema.type === 'number') return schema.minimum ?? 1;
  if (schema.type === 'boolean') return true;
  const byFormat: Record<string, unknown> = {
    uuid: randomUUID(),
    email: 'an@example.vn',
    date: '2027-10-01',
    'date-time': '2027-10-01T09:00:00.000Z',
    uri: 'https://example.vn/a',
  };
  return byFormat[schema.format ?? ''] ?? 'x';
}

type Leaf = 'string' | 'number' | 'boolean';
type Replace = (leaf: Leaf, schema: Schema) => unknown;

/**
 * A body shaped like the schema (every property, one item per array, two levels of nesting at most),
 * each scalar leaf replaced by `replace`; and the paths of its string and number leaves (`referees.0.name`).
 */
export function bodyFrom(
  document: OpenApiDocument,
  root: Schema | undefined,
  replace: Replace,
): { body: unknown; stringPaths: string[]; numberPaths: string[] } {
  const stringPaths: string[] = [];
  const numberPaths: string[] = [];
  const build = (raw: Schema | undefined, path: string, depth: number): unknown => {
    const schema = resolve(document, raw);
    if (schema.type === 'array') return depth > 3 ? [] : [build(schema.items, path ? `${path}.0` : '0', depth + 1)];
    if (schema.type === 'object' || schema.properties) {
      if (depth > 3) return {};
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, child]) => [
          key,
          build(child, path ? `${path}.${key}` : key, depth + 1),
        ]),
      );
    }
    const leaf: Leaf =
      schema.type === 'integer' || schema.type === 'number'
        ? 'number'
        : schema.type === 'boolean'
          ? 'boolean'
          : 'string';
    if (leaf === 'string') stringPaths.push(path);
    if (leaf === 'number') numberPaths.push(path);
    return replace(leaf, schema);
  };
  return { body: build(root, '', 0), stringPaths, numberPaths };
}
