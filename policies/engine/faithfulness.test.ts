/**
 * Acceptance: for the same resources, the offline engine's verdicts equal those of
 * `@pulumi/policy`'s own analyzer (its server's analyze / analyzeStack handlers, run in-process on
 * real protobuf requests built from the same Plan, after its `configure` RPC).
 */
import type { EnforcementLevel, Policies } from "@pulumi/policy";
import { PolicySeverity } from "@pulumi/pulumi/proto/analyzer_pb";
import { describe, expect, it } from "vitest";
import type { Plan } from "../../cli/plan";
import { evaluatePlan, type EvaluateOptions, type EvaluationResult } from "./evaluate";
import { isStackRule, type PhiguardPolicy } from "./rule";
import { corpus, providerRegion } from "./test-support/corpus";
import { clinicPlan } from "./test-support/plans";
import { runPolicyServer, type ServerResult } from "./test-support/policy-server";

interface Verdict {
  policyName: string;
  urn?: string;
  level: "advisory" | "mandatory";
  kind: "violation" | "unverifiable";
  /** The message, or for an unverifiable verdict the property path read. */
  text: string;
  severity: string;
}

const SEVERITIES: Record<number, string> = {
  [PolicySeverity.POLICY_SEVERITY_UNSPECIFIED]: "",
  [PolicySeverity.POLICY_SEVERITY_LOW]: "low",
  [PolicySeverity.POLICY_SEVERITY_MEDIUM]: "medium",
  [PolicySeverity.POLICY_SEVERITY_HIGH]: "high",
  [PolicySeverity.POLICY_SEVERITY_CRITICAL]: "critical",
};

const SERVER_UNKNOWN =
  /^can't run policy '([^']+)' from policy pack '[^']+' during preview: string value at \.(.*) can't be known during preview$/s;

function sorted<T>(items: T[]): T[] {
  return items.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : JSON.stringify(a) > JSON.stringify(b) ? 1 : 0));
}

function serverVerdicts(result: ServerResult): Verdict[] {
  return sorted(
    result.diagnostics.map((d) => {
      const unknown = SERVER_UNKNOWN.exec(d.message);
      const level = d.enforcementLevel === "mandatory" || d.enforcementLevel === "remediate" ? "mandatory" : "advisory";
      return {
        policyName: d.policyName,
        ...(d.urn ? { urn: d.urn } : {}),
        level,
        kind: unknown ? "unverifiable" : "violation",
        text: unknown ? (unknown[2] as string) : d.message,
        severity: SEVERITIES[d.severity] ?? "?",
      } satisfies Verdict;
    }),
  );
}

function engineVerdicts(result: EvaluationResult, policies: readonly PhiguardPolicy[]): Verdict[] {
  const stackRules = new Set(policies.filter(isStackRule).map((p) => p.name));
  return sorted(
    result.findings
      .filter((f) => f.kind !== "not-visible")
      .map((f) => {
        const unverifiable = f.kind === "unverifiable";
        // The server attributes an unknown read by a stack rule to the stack; the engine names the resource.
        const urn = unverifiable && stackRules.has(f.ruleId) ? undefined : f.urn;
        const text = unverifiable
          ? f.message
              .replace(/^cannot be verified before deploy: (provider\.)?props\./, "")
              .replace(/ \(secret value is not available offline\)$/, "")
          : f.message;
        return {
          policyName: f.ruleId,
          ...(urn ? { urn } : {}),
          level: f.level,
          kind: f.kind as Verdict["kind"],
          text,
          severity: f.severity ?? "",
        };
      }),
  );
}

/**
 * The documented dispatch contract: a rule with `resourceTypes` is never called on other types, so
 * the engine records no notApplicable there, where the server records what the rule declared.
 */
function withoutDispatched(result: ServerResult, plan: Plan, policies: readonly PhiguardPolicy[]) {
  const typeOf = new Map(plan.resources.map((r) => [r.urn, r.type]));
  return sorted(
    result.notApplicable.filter((na) => {
      const types = policies.find((p) => p.name === na.ruleId)?.resourceTypes;
      return !(na.urn && types && !types.includes(typeOf.get(na.urn) as string));
    }),
  );
}

async function compare(plan: Plan, policies: readonly PhiguardPolicy[], options: EvaluateOptions) {
  const packEnforcementLevel: EnforcementLevel = options.packEnforcementLevel ?? "advisory";
  const server = await runPolicyServer(plan, [...policies], {
    packName: options.packName ?? "phiguard",
    packVersion: options.packVersion ?? "0.0.0",
    packEnforcementLevel,
    ...(options.enforcement ? { enforcement: { ...options.enforcement } } : {}),
    ...(options.policyConfig ? { policyConfig: { ...options.policyConfig } } : {}),
  });
  const engine = await evaluatePlan(plan, policies, options);
  const expected = serverVerdicts(server);
  const actual = engineVerdicts(engine, policies);
  expect(actual).toEqual(expected);
  expect(sorted([...engine.notApplicable])).toEqual(withoutDispatched(server, plan, policies));
  return { server, engine, verdicts: actual };
}

describe("faithfulness to @pulumi/policy's analyzer", () => {
  it("matches with pack defaults (advisory pack, rule levels, disabled and remediate rules)", async () => {
    const { verdicts, server } = await compare(clinicPlan(), corpus, {});
    // The corpus really exercises each path on both sides.
    const kinds = new Set(verdicts.map((v) => `${v.kind}:${v.level}`));
    expect(kinds).toEqual(new Set(["violation:advisory", "violation:mandatory", "unverifiable:advisory"]));
    expect(verdicts.some((v) => v.policyName === "always-fails-but-disabled")).toBe(false);
    expect(verdicts.find((v) => v.policyName === "bucket-force-destroy-off")?.level).toBe("mandatory");
    expect(server.notApplicable.map((n) => n.reason)).toEqual(
      expect.arrayContaining([
        "only production stacks",
        "Policy does not implement validateResource",
        "Policy only applies to resources of type 'aws:kms/key:Key'",
        "Policy only applies to resources of type 'aws:dynamodb/table:Table'",
      ]),
    );
    expect(verdicts.filter((v) => v.kind === "unverifiable").map((v) => `${v.policyName} ${v.text}`)).toEqual(
      expect.arrayContaining([
        "kms-key-policy-no-wildcard policy",
        "rds-customer-managed-key kmsKeyId",
        "rds-password-length password",
        "rds-tags-array tags.0",
        "lambda-no-plaintext-token environment.variables.API_TOKEN",
        "provider-region-allowed region",
        "sse-bucket-known bucket",
        "async-rule kmsKeyId",
      ]),
    );
  });

  it("matches with overrides, policy config, a mandatory pack and a production stack", async () => {
    const { verdicts } = await compare(clinicPlan({ env: "prod", owner: "platform", "cost-center": "42" }), corpus, {
      packEnforcementLevel: "mandatory",
      packName: "phiguard-hipaa",
      packVersion: "1.2.3",
      enforcement: {
        "s3-bucket-tags": "mandatory",
        "kms-key-rotation": "advisory",
        "always-fails-but-disabled": "remediate",
        "rds-storage-encrypted": "disabled",
      },
      policyConfig: {
        "kms-deletion-window": { minimumDays: 45, regions: ["us-east-1"] },
        "args-echo": { enforcementLevel: "advisory", note: "configured" },
        "stack-graph-echo": { depth: 2 },
      },
    });
    expect(verdicts.some((v) => v.policyName === "always-fails-but-disabled" && v.level === "mandatory")).toBe(true);
    expect(verdicts.some((v) => v.policyName === "rds-storage-encrypted")).toBe(false);
    expect(verdicts.some((v) => v.policyName === "prod-stack-only")).toBe(true);
  });

  it("matches with 'all' overriding rule levels and a remediate pack level", async () => {
    await compare(clinicPlan(), corpus, {
      packEnforcementLevel: "remediate",
      enforcement: { all: "mandatory", "args-echo": "advisory", "stack-graph-echo": "disabled" },
    });
    await compare(clinicPlan(), corpus, { packEnforcementLevel: "remediate" });
  });

  it("fails on a rule that throws, as the server does", async () => {
    const boom: PhiguardPolicy = { ...providerRegion, name: "boom", validateResource: () => { throw new TypeError("kaput"); } };
    await expect(runPolicyServer(clinicPlan(), [boom] as Policies, { packName: "p", packVersion: "1", packEnforcementLevel: "advisory" })).rejects.toThrow(/kaput/);
    await expect(evaluatePlan(clinicPlan(), [boom])).rejects.toThrow(/kaput/);
  });
});
