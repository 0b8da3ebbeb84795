/**
 * Multi-language (remote) components hide their children inside a provider plugin, so an offline
 * plan never sees them: say so instead of passing what was never checked.
 */
import type { EnforcementLevel } from "@pulumi/policy";
import type { Plan } from "../../cli/plan";
import type { Finding } from "./finding";

export const REMOTE_COMPONENT_RULE_ID = "phiguard-remote-component-not-visible";

/**
 * One `not-visible` finding per remote component. Advisory unless `level` says otherwise
 * (`disabled` silences it, `mandatory`/`remediate` make it blocking).
 */
export function remoteComponentFindings(plan: Plan, level: EnforcementLevel = "advisory"): Finding[] {
  if (level === "disabled") return [];
  return plan.resources
    .filter((r) => r.remote === true)
    .map((r) => ({
      ruleId: REMOTE_COMPONENT_RULE_ID,
      level: level === "advisory" ? "advisory" : "mandatory",
      kind: "not-visible",
      urn: r.urn,
      resourceType: r.type,
      resourceName: r.name,
      message: "children not visible offline; gate on a real preview with `--plan`",
      hipaa: [],
      remediation:
        "Run `pulumi preview --json` (where the component's children are registered) and check that plan with `--plan`.",
    }));
}
