/**
 * Plans a reference stack of the root project (Pulumi.yaml → stacks/index.ts) with the real
 * planner and evaluates the HIPAA pack over it, as `phiguard check --stack <s>` does (fast: no
 * child process, the SDK loads once per test worker).
 */
import { expect } from "vitest";
import { planProgram } from "../../cli/planner";
import type { Plan } from "../../cli/plan";
import { evaluatePlan, type Finding } from "../../policies/engine";
import { hipaaPolicies } from "../../policies/hipaa";
import { REPO_ROOT } from "../support/plan";

export { REPO_ROOT };

export interface StackCheck {
  readonly plan: Plan;
  readonly findings: readonly Finding[];
}

/** Plans `stack` (its committed Pulumi.<stack>.yaml, with `config` overriding keys) and checks it. */
export async function checkStack(stack: string, config: Record<string, string> = {}): Promise<StackCheck> {
  const plan = await planProgram({ dir: REPO_ROOT, stack, config });
  const { findings } = await evaluatePlan(plan, hipaaPolicies);
  return { plan, findings };
}

/** `rule resource` of each finding of `kind`, sorted: compact and readable in a failed expectation. */
export function summary(findings: readonly Finding[], kind: Finding["kind"]): string[] {
  return findings
    .filter((f) => f.kind === kind)
    .map((f) => `${f.level} ${f.ruleId} ${f.resourceName ?? "(stack)"}`)
    .sort();
}

/** The "cannot be verified before deploy" advisories every PhiBucket with replication brings (see the stacks' READMEs). */
export function replicationRoleUnverifiable(...buckets: string[]): string[] {
  return buckets
    .flatMap((b) =>
      ["iam-policy-no-admin-access", "iam-policy-no-full-service-access", "iam-policy-no-kms-decrypt-on-all-keys"].map(
        (rule) => `advisory ${rule} ${b}-replication-role-policy`,
      ),
    )
    .sort();
}

/** The baseline expectations: no violation of any level, only the documented unverifiable advisories. */
export function expectClean(check: StackCheck, unverifiable: readonly string[]): void {
  expect(summary(check.findings, "violation")).toEqual([]);
  expect(summary(check.findings, "not-visible")).toEqual([]);
  expect(summary(check.findings, "unverifiable")).toEqual([...unverifiable].sort());
  for (const finding of check.findings) expect(finding.level).toBe("advisory");
}

/** The mandatory violations' rule IDs, deduplicated. */
export function mandatoryRules(check: StackCheck): string[] {
  return [...new Set(check.findings.filter((f) => f.level === "mandatory" && f.kind === "violation").map((f) => f.ruleId))].sort();
}

/** Expects planning to fail with a PhiguardError whose message contains `text`. */
export async function expectConfigError(stack: string, config: Record<string, string>, text: string): Promise<void> {
  const error = await planProgram({ dir: REPO_ROOT, stack, config }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `planning ${stack} with ${JSON.stringify(config)} should fail`).toBeInstanceOf(Error);
  expect((error as Error).name).toBe("PhiguardError");
  expect((error as Error).message).toContain(text);
}
