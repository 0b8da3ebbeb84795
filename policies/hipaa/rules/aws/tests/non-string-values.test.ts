/**
 * Values a typed program cannot give but a plain-JavaScript one (or a hand-edited plan) can: the
 * rules must not crash on them (a crash fails the whole check), and both engines must agree.
 */
import { expect, test } from "vitest";
import { evaluatePlan } from "../../../../engine";
import { compareEngines, evaluatePlanRego } from "../../../../engine/rego";
import { hipaaPolicies } from "../../..";
import { planTestProgram } from "../../../../../test/support/plan";

const PROGRAM = `
import * as aws from "@pulumi/aws";
new aws.rds.Instance("odd-engine", { engine: 5 as any, instanceClass: "db.t3.micro", allocatedStorage: 20 });
new aws.rds.Instance("postgres", { engine: "postgres", instanceClass: "db.t3.micro", allocatedStorage: 20 });
new aws.secretsmanager.SecretRotation("odd-schedule", { secretId: "s", rotationRules: { scheduleExpression: 7 as any } });
new aws.secretsmanager.SecretRotation("yearly", { secretId: "s", rotationRules: { scheduleExpression: "rate(365 days)" } });
`;

test("a non-string RDS engine or rotation schedule is no engine or schedule the rules read, in both engines", async () => {
  const plan = await planTestProgram(PROGRAM);
  const rules = hipaaPolicies.filter((p) => ["rds-iam-authentication-enabled", "rds-require-tls-connections", "secretsmanager-rotation-within-90-days"].includes(p.name));
  const ts = await evaluatePlan(plan, rules);
  const names = (ruleId: string) => ts.findings.filter((f) => f.ruleId === ruleId).map((f) => (f.urn ?? "").split("::").pop()).sort();
  expect(names("rds-iam-authentication-enabled")).toEqual(["postgres"]);
  expect(names("rds-require-tls-connections")).toEqual(["postgres"]);
  expect(names("secretsmanager-rotation-within-90-days")).toEqual(["yearly"]);
  const rego = await evaluatePlanRego(plan);
  expect(compareEngines(ts.findings, rego.findings.filter((f) => rules.some((r) => r.name === f.ruleId)), rules.map((r) => r.name))).toEqual([]);
});
