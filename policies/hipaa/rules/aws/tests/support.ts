/**
 * Table-driven tests for the AWS rules: each service plans ONE small Pulumi program (through the
 * real offline planner) holding compliant, non-compliant and unknown-at-preview resources, runs
 * every AWS rule over it, and checks each rule's verdicts by resource name.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Plan } from "../../../../../cli/plan";
import { evaluatePlan, type EvaluationResult } from "../../../../engine";
import { planTestProgram } from "../../../../../test/support/plan";
import { awsRules } from "..";

export interface RuleCase {
  readonly rule: string;
  /** Resources of the rule's types that comply (evaluated, no finding). */
  readonly pass: readonly string[];
  /** Exactly the resources the rule reports a violation on. */
  readonly fail: readonly string[];
  /** Exactly the resources the rule cannot verify before deploy (values unknown at preview). */
  readonly unknown?: readonly string[];
  /** Resources the rule declares itself not applicable to. */
  readonly notApplicable?: readonly string[];
}

export interface ServiceCases {
  readonly service: string;
  /** A Pulumi TypeScript program; resource names must be unique. */
  readonly program: string;
  readonly cases: readonly RuleCase[];
}

const nameOf = (urn: string | undefined) => (urn ?? "").split("::").pop() ?? "";
const sorted = (names: Iterable<string>) => [...names].sort();

export function describeService(service: ServiceCases): void {
  describe(`${service.service} rules`, () => {
    let plan: Plan;
    let result: EvaluationResult;

    beforeAll(async () => {
      plan = await planTestProgram(service.program);
      result = await evaluatePlan(plan, awsRules);
    }, 60_000);

    for (const c of service.cases) {
      it(`${c.rule}: ${c.pass.length} pass, ${c.fail.length} fail${c.unknown?.length ? `, ${c.unknown.length} unverifiable` : ""}`, () => {
        const rule = awsRules.find((r) => r.name === c.rule);
        expect(rule, `rule ${c.rule} exists`).toBeDefined();
        const names = new Set(plan.resources.map((r) => r.name));
        for (const n of [...c.pass, ...c.fail, ...(c.unknown ?? []), ...(c.notApplicable ?? [])]) {
          expect(names.has(n), `the program declares '${n}'`).toBe(true);
        }
        const findings = result.findings.filter((f) => f.ruleId === c.rule);
        const violations = findings.filter((f) => f.kind === "violation");
        const unverifiable = findings.filter((f) => f.kind === "unverifiable");
        expect(sorted(new Set(violations.map((f) => nameOf(f.urn)))), "violations").toEqual(sorted(c.fail));
        expect(sorted(new Set(unverifiable.map((f) => nameOf(f.urn)))), "unverifiable").toEqual(sorted(c.unknown ?? []));
        const evaluated = new Set(result.evaluated.filter((e) => e.ruleId === c.rule).map((e) => nameOf(e.urn)));
        for (const n of c.pass) {
          expect(evaluated.has(n), `'${n}' was evaluated by ${c.rule}`).toBe(true);
          expect(findings.some((f) => nameOf(f.urn) === n), `'${n}' has no ${c.rule} finding`).toBe(false);
        }
        const skipped = new Set(result.notApplicable.filter((e) => e.ruleId === c.rule).map((e) => nameOf(e.urn)));
        for (const n of c.notApplicable ?? []) expect(skipped.has(n), `${c.rule} is not applicable to '${n}'`).toBe(true);
        for (const v of violations) {
          expect(v.level).toBe(rule?.enforcementLevel === "mandatory" ? "mandatory" : "advisory");
          expect(v.message.length).toBeGreaterThan(rule?.description.length ?? 0);
        }
      });
    }
  });
}

/** Common program header: the AWS SDK and a few policy documents. */
export const HEADER = `
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
const phi = { "data-classification": "phi" };
const doc = (statements: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });
`;
