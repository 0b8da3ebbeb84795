/** Reads the text of a JSON document; a broken or empty file is an input error naming the file. */
import { PhiguardError, messageOf } from "../errors";

export function parseJsonText(text: string, file: string): unknown {
  // Editors and PowerShell redirections on Windows may prepend a byte order mark.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") throw new PhiguardError(`${file}: empty file, expected a JSON document`);
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    throw new PhiguardError(`${file}: not valid JSON (${messageOf(error)})`, { cause: error });
  }
}
