/**
 * Errors about one field of an input document. Every message is one line that starts with the
 * file name, then the field's path as a reader would write it (`steps[3].newState.type`), then
 * what was found and what was expected, so a CI log says exactly what to fix.
 */
import { PhiguardError } from "../errors";

export type FieldPath = readonly PropertyKey[];

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `["steps", 3, "newState", "aws:region"]` → `steps[3].newState["aws:region"]`. */
export function formatPath(path: FieldPath): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && IDENTIFIER.test(key)) out += out === "" ? key : `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

export function fieldError(file: string, path: FieldPath, problem: string): PhiguardError {
  const where = path.length > 0 ? `${formatPath(path)}: ` : "";
  return new PhiguardError(`${file}: ${where}${problem}`);
}

/** The JSON kind of a value, as error messages name it (`number`, `array`, `null`, ...). */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

const SHOWN_CHARS = 80;

/** A short rendering of a value found in a document: strings quoted and cut, others by kind. */
export function shown(value: unknown): string {
  if (typeof value === "string") {
    const text = value.length > SHOWN_CHARS ? `${value.slice(0, SHOWN_CHARS)}…` : value;
    return JSON.stringify(text);
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return kindOf(value);
}
