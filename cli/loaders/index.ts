/**
 * Loads a Plan from a file: a `pulumi preview --json` digest, a `pulumi stack export`, or a Plan
 * that `phiguard plan` wrote. Every failure is a one-line `PhiguardError` naming the file.
 */
import { readFileSync } from "node:fs";
import { PhiguardError, messageOf } from "../errors";
import type { Plan } from "../plan";
import { loadPhiguardPlan } from "./plan-file";
import { loadPreviewJson } from "./preview";
import { loadStackExport } from "./state";
import { detectPlanFormat } from "./detect";

export { loadPhiguardPlan } from "./plan-file";
export { loadPreviewJson } from "./preview";
export { loadStackExport } from "./state";

export type PlanFileFormat = "preview" | "state" | "plan";

/** `from` says what the file holds; without it, it is detected from the content. */
export function loadPlanFile(file: string, from?: PlanFileFormat): Plan {
  const text = readText(file);
  switch (from ?? detectPlanFormat(text)) {
    case "preview":
      return loadPreviewJson(text, file);
    case "state":
      return loadStackExport(text, file);
    case "plan":
      return loadPhiguardPlan(text, file);
    default:
      // Reachable from untyped callers (a command-line value).
      throw new PhiguardError(`${file}: unknown input format ${JSON.stringify(String(from))}, expected preview, state or plan`);
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "is a directory, expected a JSON file"
          : code === "EACCES"
            ? "permission denied"
            : `cannot be read (${messageOf(error)})`;
    throw new PhiguardError(`${file}: ${reason}`, { cause: error });
  }
}
