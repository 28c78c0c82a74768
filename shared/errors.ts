// Errors are values: every refusal names what is wrong, and where.

export type ErrorCode =
  | 'invalid_command' // the payload does not match the command's schema
  | 'unknown_command' // no such command type
  | 'not_found' // the command names something that does not exist
  | 'refused' // valid, but not allowed in the current state
  | 'unauthorised' // missing or wrong clerk token
  | 'too_large' // request body over the limit
  | 'internal'; // a bug: the record was left untouched

export interface ChamberError {
  code: ErrorCode;
  message: string;
  details: {
    /** Dotted path of the field that is wrong, e.g. "date" or "items.3.title". */
    field?: string;
    issues?: { field: string; message: string }[];
    [key: string]: unknown;
  };
}

export const chamberError = (code: ErrorCode, message: string, details: ChamberError['details'] = {}): ChamberError => ({
  code,
  message,
  details,
});

export const refused = (message: string, field?: string): ChamberError =>
  chamberError('refused', message, field === undefined ? {} : { field });

/**
 * Something the command names does not exist. The message says what, in words; the id the
 * command gave, if any, goes in details.id rather than in the message, which the clerk reads.
 */
export const notFound = (message: string, field?: string, id?: string): ChamberError =>
  chamberError('not_found', message, { ...(field === undefined ? {} : { field }), ...(id === undefined ? {} : { id }) });

export const isChamberError = (value: unknown): value is ChamberError =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ChamberError).code === 'string' &&
  typeof (value as ChamberError).message === 'string';
