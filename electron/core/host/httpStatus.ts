// The HTTP status of each kind of refusal, the same on every route (the clerk's API and members' devices).
import type { ChamberError } from '../../../shared/errors';

const STATUS: Record<ChamberError['code'], number> = {
  invalid_command: 400,
  unknown_command: 400,
  not_found: 404,
  refused: 409,
  unauthorised: 401,
  too_large: 413,
  internal: 500,
};

export const httpStatusOf = (error: ChamberError): number => STATUS[error.code];
