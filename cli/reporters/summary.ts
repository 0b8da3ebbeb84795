/** The counts every reporter shows, computed once from a check result. */
import type { CheckResult } from "../check";
import { isBlocking } from "../check";
import { waiverOf } from "./model";

export interface CheckSummary {
  readonly project: string;
  readonly stack: string;
  readonly source: string;
  readonly resources: number;
  readonly rules: number;
  readonly mandatory: number;
  readonly advisory: number;
  readonly unverifiable: number;
  readonly notVisible: number;
  readonly passed: boolean;
}

export function summarize(result: CheckResult): CheckSummary {
  const f = result.findings;
  return {
    project: result.plan.project,
    stack: result.plan.stack,
    source: result.plan.source,
    resources: result.plan.resources.length,
    rules: result.policies.length,
    // A waived finding (an accepted risk) is neither a mandatory nor an advisory violation.
    mandatory: f.filter((x) => isBlocking(x) && !waiverOf(x)).length,
    advisory: f.filter((x) => !isBlocking(x) && x.kind === "violation" && !waiverOf(x)).length,
    unverifiable: f.filter((x) => !isBlocking(x) && x.kind === "unverifiable").length,
    notVisible: f.filter((x) => x.kind === "not-visible").length,
    passed: result.passed,
  };
}
