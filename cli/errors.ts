/**
 * The one error type that ends a phiguard run with exit code 2 (usage, input or evaluation
 * error). Its message is a single line a person can act on: it names the file, field, rule or
 * invoke token at fault, says what was found and what was expected.
 */
export class PhiguardError extends Error {
  readonly exitCode = 2 as const;

  constructor(message: string, options?: { cause?: unknown }) {
    super(oneLine(message), options);
    this.name = "PhiguardError";
  }
}

export function isPhiguardError(error: unknown): error is PhiguardError {
  return error instanceof Error && (error as { name?: string }).name === "PhiguardError";
}

/** Collapses whitespace so an error always prints as one line. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

/** The message of anything thrown, without a stack trace. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return oneLine(error.message);
  return oneLine(String(error));
}
