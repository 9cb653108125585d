/**
 * What kind of failure a domain error is. The HTTP layer maps each kind to one status;
 * libs never think in status codes.
 */
export type DomainErrorKind =
  | 'invalid' // 400: input that passed the DTO but breaks a rule
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409: state does not allow this now (e.g. deadline passed, already submitted)
  | 'too_large' // 413: an upload over its size limit
  | 'unprocessable' // 422: well-formed but not acceptable (e.g. not eligible)
  | 'rate_limited'; // 429

/** Values a catalogue message may interpolate ({{name}}); arrays are listed with commas. */
export type ProblemParams = Record<string, string | number | boolean | null | ReadonlyArray<string | number>>;

/**
 * One bad field. `code` names the rule it broke (`validation.max_words`, or the error's own code when
 * the field has none of its own) and `params` its limits; people read the catalogue's words for the
 * code in their language, `message` is the English sentence for API users.
 */
export interface FieldError {
  field: string;
  message: string;
  code?: string;
  params?: ProblemParams;
}

/** Base of every error a lib throws on purpose. `code` is stable and documented; `message` is for people. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    readonly details: { errors?: FieldError[]; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** `<entity>_not_found` ("Selected application" → selected_application_not_found), with the entity as a param. */
export class NotFoundError extends DomainError {
  constructor(entity: string, id?: string) {
    super(
      `${entity.toLowerCase().replace(/\s+/g, '_')}_not_found`,
      'not_found',
      id ? `${entity} ${id} was not found.` : `${entity} was not found.`,
    );
  }
}
