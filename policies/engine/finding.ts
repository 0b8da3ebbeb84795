/**
 * A finding: one verdict of one rule, the unit every reporter, waiver and exit code works on.
 */
import type { Severity } from "@pulumi/policy";

export type FindingLevel = "advisory" | "mandatory";

/**
 * - `violation`: the rule reported a violation.
 * - `unverifiable`: the rule needed a value unknown at preview, or a secret the plan does not hold;
 *   it cannot be verified until deploy (never a pass).
 * - `not-visible`: a remote component whose children the offline plan cannot see.
 */
export type FindingKind = "violation" | "unverifiable" | "not-visible";

export interface Finding {
  /** The policy name. */
  readonly ruleId: string;
  readonly level: FindingLevel;
  readonly kind: FindingKind;
  /** The resource at fault; absent for a stack-level finding. */
  readonly urn?: string;
  readonly resourceType?: string;
  readonly resourceName?: string;
  readonly message: string;
  readonly hipaa: readonly string[];
  readonly remediation?: string;
  readonly severity?: Severity;
}

/** Code-unit order, independent of locale. */
export function compareStrings(a: string | undefined, b: string | undefined): number {
  const x = a ?? "";
  const y = b ?? "";
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Orders findings by rule, resource, message (then kind, level), so output is deterministic. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.urn, b.urn) ||
    compareStrings(a.message, b.message) ||
    compareStrings(a.kind, b.kind) ||
    compareStrings(a.level, b.level)
  );
}

/** A sorted copy; the input is left as it was. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}
