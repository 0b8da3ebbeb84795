/** Writes a report to a file or stdout. */
import * as fs from "node:fs";
import * as path from "node:path";
import { PhiguardError, messageOf } from "../errors";

export function writeOutput(text: string, file: string | undefined): void {
  if (!file || file === "-") {
    process.stdout.write(text);
    return;
  }
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, text);
  } catch (error) {
    throw new PhiguardError(`${file}: cannot write: ${messageOf(error)}`);
  }
}
