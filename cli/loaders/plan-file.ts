/**
 * A Plan that phiguard itself wrote (`phiguard plan`), read back. Its schema version must be the
 * one this phiguard reads: a Plan of another version may mean something else field by field.
 */
import { z } from "zod";
import { PLAN_SCHEMA_VERSION, type Plan } from "../plan";
import { fieldError, shown } from "./field-errors";
import { parseJsonText } from "./json-text";
import { parseWith } from "./schema-errors";

const strings = z.array(z.string());

const resourceOptionsSchema = z.object({
  protect: z.boolean(),
  ignoreChanges: strings,
  deleteBeforeReplace: z.boolean().optional(),
  aliases: strings,
  additionalSecretOutputs: strings,
  customTimeouts: z.object({ create: z.string().optional(), update: z.string().optional(), delete: z.string().optional() }).optional(),
  retainOnDelete: z.boolean().optional(),
  deletedWith: z.string().optional(),
  replaceOnChanges: strings.optional(),
});

const plannedResourceSchema = z.object({
  urn: z.string(),
  type: z.string(),
  name: z.string(),
  custom: z.boolean(),
  remote: z.boolean().optional(),
  parent: z.string().optional(),
  provider: z.string().optional(),
  dependencies: strings,
  propertyDependencies: z.record(z.string(), strings),
  props: z.record(z.string(), z.json()),
  options: resourceOptionsSchema,
  region: z.string().optional(),
  source: z.object({ file: z.string(), line: z.number().int(), column: z.number().int() }).optional(),
});

const planSchema = z.object({
  schemaVersion: z.literal(PLAN_SCHEMA_VERSION),
  source: z.enum(["program", "preview", "state"]),
  project: z.string(),
  stack: z.string(),
  config: z.record(z.string(), z.json()),
  stackTags: z.record(z.string(), z.string()),
  resources: z.array(plannedResourceSchema),
  diagnostics: z.array(z.object({ severity: z.enum(["info", "warning"]), message: z.string(), urn: z.string().optional() })),
});

export function loadPhiguardPlan(text: string, file: string): Plan {
  const json = parseJsonText(text, file);
  const version = json !== null && typeof json === "object" ? (json as Record<string, unknown>).schemaVersion : undefined;
  if (version === undefined) {
    throw fieldError(file, ["schemaVersion"], `missing: not a phiguard plan (expected schemaVersion ${PLAN_SCHEMA_VERSION})`);
  }
  if (version !== PLAN_SCHEMA_VERSION) {
    throw fieldError(
      file,
      ["schemaVersion"],
      `this plan has schema version ${shown(version)}, this phiguard reads version ${PLAN_SCHEMA_VERSION}; write the plan again with this phiguard`,
    );
  }
  // The schema mirrors plan.ts; the JSON values in props and config are PlanValues by construction.
  return parseWith(planSchema, json, file) as Plan;
}
