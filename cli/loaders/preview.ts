/**
 * `pulumi preview --json` → Plan. The document is a `PreviewDigest` (pkg/display/json.go) written by
 * `ShowPreviewDigest` (pkg/backend/display/json.go): each step's `newState` is an
 * `apitype.ResourceV3` whose secrets read `[secret]` and whose unknowns read as Pulumi's
 * computed placeholder.
 */
import { z } from "zod";
import type { Plan, PlanDiagnostic } from "../plan";
import { assemblePlan } from "./assemble-plan";
import { fieldError, shown } from "./field-errors";
import { parseJsonText } from "./json-text";
import { toLoadedResource } from "./planned-resource";
import { toPlanConfig } from "./preview-config";
import { previewDiagnosticSchema, toPlanDiagnostics } from "./preview-diagnostics";
import { stepOpSchema, survivingSteps } from "./preview-steps";
import { resourceV3Schema, urnSchema } from "./resource-v3";
import { parseWith } from "./schema-errors";

const previewStepSchema = z.object({
  op: stepOpSchema,
  urn: urnSchema,
  newState: resourceV3Schema.nullish(),
});

const previewDigestSchema = z.object({
  config: z.record(z.string(), z.string()).nullish(),
  steps: z.array(previewStepSchema).nullish(),
  diagnostics: z.array(previewDiagnosticSchema).nullish(),
  changeSummary: z.record(z.string(), z.number()).nullish(),
});

export function loadPreviewJson(text: string, file: string): Plan {
  const json = parseJsonText(text, file);
  if (isObject(json) && "deployment" in json && !("steps" in json)) {
    throw fieldError(file, ["steps"], "missing: this looks like `pulumi stack export` output; load it as a stack export");
  }
  const digest = parseWith(previewDigestSchema, json, file);
  const steps = (digest.steps ?? []).map((step, index) => ({ ...step, index }));
  const ctx = { file, blindedSecrets: true };
  const resources = survivingSteps(steps).map((step) => {
    const at = ["steps", step.index] as const;
    if (!step.newState) throw fieldError(file, [...at, "newState"], `missing, a "${step.op}" step must carry the resource's new state`);
    if (step.newState.urn !== step.urn) {
      throw fieldError(file, [...at, "newState", "urn"], `expected the step's URN ${shown(step.urn)}, got ${shown(step.newState.urn)}`);
    }
    return toLoadedResource(step.newState, [...at, "newState"], ctx);
  });
  return assemblePlan({
    file,
    source: "preview",
    resourcesAt: ["steps"],
    resources,
    config: toPlanConfig(digest.config),
    diagnostics: [...toPlanDiagnostics(digest.diagnostics ?? [], file), ...hiddenSamesNotice(digest.changeSummary, steps)],
  });
}

/**
 * Without `--show-sames` a preview lists only what changes, so unchanged resources are missing from
 * the plan. Say so, since a rule cannot judge what it never sees.
 */
function hiddenSamesNotice(
  changeSummary: Readonly<Record<string, number>> | null | undefined,
  steps: readonly { readonly op: string }[],
): PlanDiagnostic[] {
  const hidden = (changeSummary?.same ?? 0) - steps.filter((step) => step.op === "same").length;
  if (hidden <= 0) return [];
  return [
    {
      severity: "warning",
      message: `the preview omits ${hidden} unchanged resource(s); run \`pulumi preview --json --show-sames\` so that every resource is checked`,
    },
  ];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
