/**
 * `pulumi stack export` → Plan. The document is an `apitype.UntypedDeployment` whose `deployment`
 * is a `DeploymentV3` (sdk/go/common/apitype/core.go). Resources keep the document's order, which
 * the engine keeps in dependency order.
 */
import { z } from "zod";
import type { Plan, PlanDiagnostic } from "../plan";
import { assemblePlan } from "./assemble-plan";
import { fieldError, shown } from "./field-errors";
import { parseJsonText } from "./json-text";
import { toLoadedResource, type LoadedResource } from "./planned-resource";
import { resourceV3Schema } from "./resource-v3";
import { parseWith } from "./schema-errors";

export const SUPPORTED_DEPLOYMENT_VERSION = 3;
/** Version 4 is version 3 plus a `features` list; Pulumi writes it when newer features are in use. */
export const SUPPORTED_DEPLOYMENT_VERSIONS: readonly number[] = [3, 4];

const untypedDeploymentSchema = z.object({ version: z.unknown().optional(), deployment: z.unknown().optional() });

const deploymentV3Schema = z.object({
  resources: z.array(resourceV3Schema).nullish(),
  pending_operations: z.array(z.unknown()).nullish(),
});

export function loadStackExport(text: string, file: string): Plan {
  const json = parseJsonText(text, file);
  const document = parseWith(untypedDeploymentSchema, json, file);
  if (document.deployment === undefined && "steps" in (json as object)) {
    throw fieldError(file, ["deployment"], "missing: this looks like `pulumi preview --json` output; load it as a preview");
  }
  checkVersion(document.version, file);
  if (document.deployment === undefined && "checkpoint" in (json as object)) {
    throw fieldError(file, ["deployment"], "missing: this is a backend checkpoint file; pass the output of `pulumi stack export`");
  }
  const deployment = parseWith(deploymentV3Schema, document.deployment, file, ["deployment"]);
  const ctx = { file, blindedSecrets: false };
  const seen = new Map<string, number>();
  const resources: LoadedResource[] = [];
  (deployment.resources ?? []).forEach((stored, index) => {
    // A pending delete (`delete: true`) is an old copy the next update removes: it is not part of the stack.
    if (stored.delete === true) return;
    const at = ["deployment", "resources", index] as const;
    const first = seen.get(stored.urn);
    if (first !== undefined) throw fieldError(file, [...at, "urn"], `duplicate of deployment.resources[${first}].urn`);
    seen.set(stored.urn, index);
    resources.push(toLoadedResource(stored, at, ctx));
  });
  return assemblePlan({
    file,
    source: "state",
    resourcesAt: ["deployment", "resources"],
    resources,
    // A stack export holds no stack config.
    config: {},
    diagnostics: pendingOperationsNotice(deployment.pending_operations?.length ?? 0),
  });
}

function checkVersion(version: unknown, file: string): void {
  if (typeof version === "number" && SUPPORTED_DEPLOYMENT_VERSIONS.includes(version)) return;
  const found = version === undefined ? "missing" : `unsupported deployment version ${shown(version)}`;
  throw fieldError(file, ["version"], `${found}; phiguard reads versions ${SUPPORTED_DEPLOYMENT_VERSIONS.join(" and ")} (the \`pulumi stack export\` format)`);
}

/** Operations the engine had started but not finished: the cloud may differ from this state. */
function pendingOperationsNotice(count: number): PlanDiagnostic[] {
  if (count === 0) return [];
  return [
    {
      severity: "warning",
      message: `the state records ${count} pending operation(s) of an interrupted update; resources may differ from this state`,
    },
  ];
}
