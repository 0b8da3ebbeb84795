/**
 * Test helpers for the Kubernetes and EKS rules: plan a small program, run rules over it through
 * the offline engine, and read the verdicts by resource name.
 */
import { expect } from "vitest";
import type { Plan } from "../../../../../cli/plan";
import { evaluatePlan, type EvaluateOptions, type EvaluationResult } from "../../../../engine";
import type { Finding } from "../../../../engine/finding";
import type { PhiguardPolicy } from "../../../../engine/rule";

export { planTestProgram } from "../../../../../test/support/plan";

/**
 * Preludes for test programs: `U(value)` is `value` computed from another resource's output, so it
 * is unknown at preview exactly like `bucket.arn` would be. The Kubernetes one loads no AWS SDK
 * (whose first load costs a second).
 */
export const K8S_PRELUDE = `
import * as pulumi from "@pulumi/pulumi";
import * as k8s from "@pulumi/kubernetes";
const seed = new k8s.core.v1.ConfigMap("seed", { metadata: { namespace: "app" }, data: { seed: "1" } });
function U<T>(value: T): pulumi.Output<T> { return seed.immutable.apply(() => value); }
`;

export const AWS_PRELUDE = `
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
const seed = new aws.ssm.Parameter("seed", { type: "String", value: "seed" });
function U<T>(value: T): pulumi.Output<T> { return seed.arn.apply(() => value); }
`;

export class Verdicts {
  constructor(
    readonly plan: Plan,
    readonly result: EvaluationResult,
  ) {}

  private of(ruleId: string, kind: Finding["kind"]): Finding[] {
    return this.result.findings.filter((f) => f.ruleId === ruleId && f.kind === kind);
  }

  /** Names of the resources with a violation of the rule, sorted and de-duplicated. */
  violations(ruleId: string): string[] {
    return names(this.of(ruleId, "violation"));
  }

  /** Names of the resources the rule could not verify before deploy. */
  unverifiable(ruleId: string): string[] {
    return names(this.of(ruleId, "unverifiable"));
  }

  /** The violation messages of the rule on one resource. */
  messages(ruleId: string, resourceName: string): string[] {
    return this.of(ruleId, "violation")
      .filter((f) => f.resourceName === resourceName)
      .map((f) => f.message);
  }

  /** Every finding of the rule on one resource. */
  findings(ruleId: string, resourceName: string): Finding[] {
    return this.result.findings.filter((f) => f.ruleId === ruleId && f.resourceName === resourceName);
  }

  /** Asserts the rule checked the resource (it is among its candidates and was not skipped). */
  expectEvaluated(ruleId: string, resourceName: string): void {
    const urn = this.plan.resources.find((r) => r.name === resourceName)?.urn;
    expect(urn, `no resource named ${resourceName}`).toBeDefined();
    expect(this.result.evaluated).toContainEqual({ ruleId, urn });
  }
}

function names(findings: readonly Finding[]): string[] {
  return [...new Set(findings.map((f) => f.resourceName ?? "<stack>"))].sort();
}

export async function verdicts(
  plan: Plan,
  rules: readonly PhiguardPolicy[],
  options: EvaluateOptions = {},
): Promise<Verdicts> {
  return new Verdicts(plan, await evaluatePlan(plan, rules, options));
}
