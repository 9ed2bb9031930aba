// Errors are values at the edges: every transport returns {ok:true,value} or {ok:false,error}.
export interface ApiError {
  /** Machine-readable: 'invalid_input', 'not_found', 'duplicate_bsn', 'forbidden', 'not_available', 'internal', ... */
  code: string;
  /** Dutch, shown to the user. */
  message: string;
  /** The input field the error belongs to, when there is one (forms show it next to the field). */
  field?: string;
  /** Extra data, e.g. the id of the existing client on a duplicate BSN. */
  details?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown inside handlers and db modules; the dispatcher turns it into {ok:false,error}. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
