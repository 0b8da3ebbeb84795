/**
 * An account-root stack made of phiguard components (AccountBaseline + SecurityMonitoring and what
 * they need: the key, the audit trail, a PHI bucket whose data events it records) passes the whole
 * HIPAA pack, the account-root rules included, with no violation of any level.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Plan } from "../../cli/plan";
import { evaluatePlan } from "../../policies/engine";
import { hipaaPolicies } from "../../policies/hipaa";
import { accountRules } from "../../policies/hipaa/rules/account";
import { planTestProgram } from "../../test/support/plan";
import { ACCOUNT_ROOT_PROGRAM, ACCOUNT_ROOT_TAGS, CONFIG } from "./fixtures/programs";

/** The pack with the account-root rules (once, whether or not the pack already includes them). */
const PACK = [...hipaaPolicies, ...accountRules.filter((rule) => !hipaaPolicies.some((p) => p.name === rule.name))];

/**
 * The advisories that cannot be avoided: each PhiBucket's replication role policy names the key
 * ARNs, which KMS assigns on creation, so the IAM rules cannot read it before deploy.
 */
const UNAVOIDABLE_UNVERIFIABLE = ["audit-archive", "baseline-config", "records"]
  .flatMap((bucket) =>
    ["iam-policy-no-admin-access", "iam-policy-no-full-service-access", "iam-policy-no-kms-decrypt-on-all-keys"].map(
      (rule) => `${rule} ${bucket}-replication-role-policy`,
    ),
  )
  .sort();

describe("an account root of AccountBaseline + SecurityMonitoring", () => {
  let plan: Plan;

  beforeAll(async () => {
    plan = await planTestProgram(ACCOUNT_ROOT_PROGRAM, { config: CONFIG });
  });

  it("passes the HIPAA pack and the account-root rules with no violation of any level", async () => {
    const result = await evaluatePlan({ ...plan, stackTags: ACCOUNT_ROOT_TAGS }, PACK);
    const key = (f: { ruleId: string; resourceName?: string }) => `${f.ruleId} ${f.resourceName ?? ""}`;
    expect(result.findings.filter((f) => f.kind !== "unverifiable").map(key)).toEqual([]);
    expect(result.findings.map(key).sort()).toEqual(UNAVOIDABLE_UNVERIFIABLE);
    for (const rule of accountRules) {
      expect(result.notApplicable.some((n) => n.ruleId === rule.name), `${rule.name} applied`).toBe(false);
    }
  });

  it("leaves the account-root rules not applicable when the stack is not tagged as an account root", async () => {
    const result = await evaluatePlan(plan, accountRules);
    expect(result.findings).toEqual([]);
    expect(result.notApplicable.map((n) => n.ruleId).sort()).toEqual(accountRules.map((r) => r.name).sort());
    for (const entry of result.notApplicable) expect(entry.reason).toMatch(/stack tag phiguard:account-root is not "true"/);
  });
});
