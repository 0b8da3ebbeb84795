/**
 * Why phiguard's HIPAA pack does not implement some rules of the external HIPAA rule sets. A test
 * demands a reason for every rule not covered, and no stale reason for a rule that is covered.
 */

export type NotCoveredCategory =
  /** Needs the state of a running account (key age, MFA devices, patch level, ...), not a plan. */
  | "runtime-only"
  /** An account or organization setting, outside a workload stack. */
  | "account-level"
  /** A manual process, not infrastructure. */
  | "process"
  /** A service phiguard's components do not provision; no rule is written for it yet. */
  | "service-not-provisioned"
  /** phiguard checks the same risk differently, on purpose. */
  | "by-design";

export interface NotCoveredEntry {
  readonly category: NotCoveredCategory;
  readonly reason: string;
}

const runtime = (reason: string): NotCoveredEntry => ({ category: "runtime-only", reason });
const account = (reason: string): NotCoveredEntry => ({ category: "account-level", reason });
const service = (name: string): NotCoveredEntry => ({
  category: "service-not-provisioned",
  reason: `${name} is not provisioned by phiguard components; no preview-time rule yet.`,
});
const design = (reason: string): NotCoveredEntry => ({ category: "by-design", reason });

export const NOT_COVERED: Readonly<Record<"aws-config-hipaa" | "cdk-nag-hipaa", Readonly<Record<string, NotCoveredEntry>>>> = {
  "aws-config-hipaa": {},
  "cdk-nag-hipaa": {},
};
