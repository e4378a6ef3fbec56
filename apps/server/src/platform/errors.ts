import { ErrorCodes, type ErrorCode, type ErrorDetail } from '@northstar/contracts';

/**
 * The one error type services throw. It carries a code from the contracts table; the HTTP layer
 * maps the code to a status, so business logic never speaks HTTP.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];

  constructor(code: ErrorCode, message: string, details: ErrorDetail[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ErrorCodes[this.code];
  }
}

export function notFound(code: ErrorCode, what: string): AppError {
  return new AppError(code, `${what} not found`);
}
