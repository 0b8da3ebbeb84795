/** Puts the pieces every loader produces together into a Plan. */
import { PLAN_SCHEMA_VERSION, type Plan, type PlanDiagnostic, type PlanSource, type PlanValue } from "../plan";
import { fieldError, type FieldPath } from "./field-errors";
import type { LoadedResource } from "./planned-resource";
import { withRegions } from "./regions";
import { parseUrn } from "./urn";

export interface PlanParts {
  readonly file: string;
  readonly source: PlanSource;
  /** Where the resources were in the document, for the error when there are none. */
  readonly resourcesAt: FieldPath;
  readonly resources: readonly LoadedResource[];
  readonly config: { readonly [key: string]: PlanValue };
  readonly diagnostics: readonly PlanDiagnostic[];
}

const STACK_TYPE = "pulumi:pulumi:Stack";

export function assemblePlan(parts: PlanParts): Plan {
  const stackRegion = parts.config["aws:region"];
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    source: parts.source,
    ...stackIdentity(parts),
    config: parts.config,
    // Neither document records stack tags.
    stackTags: {},
    resources: withRegions(parts.resources, typeof stackRegion === "string" ? stackRegion : undefined),
    diagnostics: parts.diagnostics,
  };
}

/** Project and stack from the root stack's URN (any URN carries them, should the root be missing). */
function stackIdentity(parts: PlanParts): { project: string; stack: string } {
  const resources = parts.resources.map(({ resource }) => resource);
  const root = resources.find((r) => r.type === STACK_TYPE && r.parent === undefined) ?? resources[0];
  if (!root) throw fieldError(parts.file, parts.resourcesAt, "no resources, so the project and stack are unknown");
  const { project, stack } = parseUrn(root.urn);
  return { project, stack };
}
