/**
 * Tells what a plan file holds from its top-level keys, so `--from` can be left out:
 * a phiguard Plan has `schemaVersion` and `resources`, a stack export `version` and
 * `deployment`, a `pulumi preview --json` digest `steps`. When unsure, the preview loader
 * (the most common input) reports what is wrong with the file.
 */
import type { PlanFileFormat } from "./index";

/** `text` is the file's content, as read once by `loadPlanFile`. */
export function detectPlanFormat(text: string): PlanFileFormat {
  let head: unknown;
  try {
    head = JSON.parse(text);
  } catch {
    return "preview";
  }
  if (head === null || typeof head !== "object" || Array.isArray(head)) return "preview";
  const doc = head as Record<string, unknown>;
  if ("schemaVersion" in doc && "resources" in doc) return "plan";
  if ("deployment" in doc && "version" in doc) return "state";
  return "preview";
}
