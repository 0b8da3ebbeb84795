/**
 * Where a program registered a resource. The engine records it as `project:///<path>#<line>[,<column>]`
 * (pkg/resource/deploy/source_eval.go, parseSourcePosition), the path relative to the project root.
 */
import type { PlannedResource } from "../plan";

type Source = NonNullable<PlannedResource["source"]>;

const POSITION = /^(?:project|file):\/\/([^#]*)#(\d+)(?:,(\d+))?$/;

/** Undefined when absent or unreadable: a source position is a convenience for reports, never a verdict. */
export function parseSourcePosition(position: string | null | undefined): Source | undefined {
  const match = position ? POSITION.exec(position) : null;
  if (!match) return undefined;
  const [, rawPath = "", line = "0", column = "0"] = match;
  let file: string;
  try {
    file = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  const relative = position?.startsWith("project:") ? file.replace(/^\//, "") : file;
  return { file: relative, line: Number(line), column: Number(column) };
}
