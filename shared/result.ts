/** Outcome of an operation that can fail in an expected way: returned across IPC instead of thrown. */
export type Result<T, E = AppError> = { ok: true; value: T } | { ok: false; error: E };

/** An expected failure, worded for the person using the app. */
export type AppError = {
  /** Stable machine-readable code, e.g. `invalid-argument`, `forbidden`, `not-found`. */
  code: string;
  /** A sentence a councillor or clerk can act on. Never a stack trace. */
  message: string;
};

/** Wraps a value as a successful result. */
export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

/** Wraps an expected failure. */
export function fail(code: string, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}
