import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { isPhiguardError } from "../../cli/errors";
import type { Finding } from "./finding";
import {
  applyWaivers,
  blockingFindings,
  isWaived,
  reasonProblem,
  selectorMatches,
  WAIVER_EXPIRED_RULE_ID,
  WAIVER_INVALID_RULE_ID,
  WAIVER_UNMATCHED_RULE_ID,
  waiverSchema,
  type Waiver,
} from "./waivers";

const urn = (type: string, name: string) => `urn:pulumi:prod::clinic::${type}::${name}`;
const BUCKET = "aws:s3/bucket:Bucket";
const finding = (ruleId: string, name: string, level: Finding["level"] = "mandatory"): Finding => ({
  ruleId,
  level,
  kind: "violation",
  urn: urn(BUCKET, name),
  resourceType: BUCKET,
  resourceName: name,
  message: `${ruleId} on ${name}`,
  hipaa: ["164.312(a)(2)(iv)"],
});

const RULES = ["s3-bucket-encrypted-with-kms", "s3-bucket-versioning-enabled", "vpc-flow-logs-enabled"];
const TODAY = "2025-06-15";
const valid = (over: Partial<Waiver>): Waiver => ({
  rule: "s3-bucket-encrypted-with-kms",
  resource: "access-logs",
  reason: "S3 server access logs cannot be delivered to SSE-KMS buckets",
  approver: "Dana Smith (CISO)",
  expires: "2025-12-31",
  ...over,
});
const FINDINGS = [
  finding("s3-bucket-encrypted-with-kms", "access-logs"),
  finding("s3-bucket-encrypted-with-kms", "phi-records"),
  finding("s3-bucket-versioning-enabled", "scratch-a"),
  finding("s3-bucket-versioning-enabled", "scratch-b"),
];

const byRule = <T extends { ruleId: string }>(fs: readonly T[], id: string): T[] => fs.filter((f) => f.ruleId === id);

describe("applyWaivers", () => {
  it("waives by resource name and keeps the finding, marked", () => {
    const out = applyWaivers(FINDINGS, [valid({})], RULES, TODAY);
    expect(out).toHaveLength(FINDINGS.length);
    const waived = out.filter(isWaived);
    expect(waived.map((f) => f.resourceName)).toEqual(["access-logs"]);
    expect(waived[0]?.waiver).toEqual({
      rule: "s3-bucket-encrypted-with-kms",
      resource: "access-logs",
      reason: "S3 server access logs cannot be delivered to SSE-KMS buckets",
      approver: "Dana Smith (CISO)",
      expires: "2025-12-31",
    });
    expect(waived[0]?.level).toBe("mandatory");
    expect(blockingFindings(out).map((f) => f.resourceName).sort()).toEqual(["phi-records", "scratch-a", "scratch-b"]);
  });

  it("waives by full URN, and only that rule", () => {
    const out = applyWaivers(FINDINGS, [valid({ rule: "s3-bucket-versioning-enabled", resource: urn(BUCKET, "scratch-a") })], RULES, TODAY);
    expect(out.filter(isWaived).map((f) => `${f.ruleId}/${f.resourceName}`)).toEqual(["s3-bucket-versioning-enabled/scratch-a"]);
  });

  it("waives by a glob over the name or the URN", () => {
    const byName = applyWaivers(FINDINGS, [valid({ rule: "s3-bucket-versioning-enabled", resource: "scratch-*" })], RULES, TODAY);
    expect(byName.filter(isWaived).map((f) => f.resourceName)).toEqual(["scratch-a", "scratch-b"]);
    const byUrn = applyWaivers(FINDINGS, [valid({ rule: "s3-bucket-encrypted-with-kms", resource: "urn:pulumi:prod::clinic::aws:s3/bucket:Bucket::*" })], RULES, TODAY);
    expect(byUrn.filter(isWaived).map((f) => f.resourceName)).toEqual(["access-logs", "phi-records"]);
  });

  it("applies a waiver through its expiry day, and reports it as expired the day after", () => {
    const w = valid({ expires: TODAY });
    expect(applyWaivers(FINDINGS, [w], RULES, TODAY).filter(isWaived)).toHaveLength(1);
    const out = applyWaivers(FINDINGS, [w], RULES, "2025-06-16");
    expect(out.filter(isWaived)).toHaveLength(0);
    const expired = byRule(out, WAIVER_EXPIRED_RULE_ID);
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({ level: "mandatory", kind: "violation" });
    expect(expired[0]?.message).toContain("expired on 2025-06-15");
    expect(expired[0]?.message).toContain("waivers[0]");
  });

  it("accepts a Date for today", () => {
    const out = applyWaivers(FINDINGS, [valid({ expires: "2025-06-14" })], RULES, new Date("2025-06-15T08:00:00Z"));
    expect(byRule(out, WAIVER_EXPIRED_RULE_ID)).toHaveLength(1);
  });

  it.each([
    ["no reason", { reason: undefined }, "has no reason"],
    ["a placeholder reason", { reason: "TODO" }, "placeholder"],
    ["n/a", { reason: "n/a" }, "placeholder"],
    ["a short reason", { reason: "legacy bucket" }, "at least 20"],
    ["a reason of padding", { reason: "aaaaaaaaaaaaaaaaaaaaaaaaa" }, "says nothing"],
    ["no approver", { approver: "  " }, "has no approver"],
    ["no expiry", { expires: undefined }, "has no expiry date"],
    ["an impossible date", { expires: "2025-02-30" }, "not a date"],
  ])("reports a waiver with %s as invalid, and it waives nothing", (_label, over, text) => {
    const out = applyWaivers(FINDINGS, [valid(over as Partial<Waiver>)], RULES, TODAY);
    expect(out.filter(isWaived)).toHaveLength(0);
    const invalid = byRule(out, WAIVER_INVALID_RULE_ID);
    expect(invalid).toHaveLength(1);
    expect(invalid[0]?.level).toBe("mandatory");
    expect(invalid[0]?.message).toContain(text);
    expect(byRule(out, WAIVER_UNMATCHED_RULE_ID)).toHaveLength(0);
  });

  it("reports a valid waiver that matches no finding as an advisory finding", () => {
    const out = applyWaivers(FINDINGS, [valid({ resource: "gone-bucket" }), valid({ rule: "vpc-flow-logs-enabled", resource: "*" })], RULES, TODAY);
    const unmatched = byRule(out, WAIVER_UNMATCHED_RULE_ID);
    expect(unmatched.map((f) => f.message)).toEqual([
      expect.stringContaining("waivers[0] (rule 's3-bucket-encrypted-with-kms', resource 'gone-bucket')"),
      expect.stringContaining("waivers[1] (rule 'vpc-flow-logs-enabled', resource '*')"),
    ]);
    expect(unmatched.every((f) => f.level === "advisory")).toBe(true);
  });

  it("does not report a waiver as unmatched when an earlier waiver already covers the same finding", () => {
    const out = applyWaivers(FINDINGS, [valid({}), valid({ resource: "access-*" })], RULES, TODAY);
    expect(byRule(out, WAIVER_UNMATCHED_RULE_ID)).toHaveLength(0);
    expect(out.filter(isWaived)[0]?.waiver?.resource).toBe("access-logs");
  });

  it("refuses a waiver for a rule that does not exist, naming it", () => {
    let error: unknown;
    try {
      applyWaivers(FINDINGS, [valid({ rule: "s3-bucket-encrypted" })], RULES, TODAY);
    } catch (e) {
      error = e;
    }
    expect(isPhiguardError(error)).toBe(true);
    expect((error as Error).message).toContain("'s3-bucket-encrypted'");
    expect((error as Error).message).not.toContain("\n");
  });

  it("returns findings sorted and leaves its input alone", () => {
    const input = [...FINDINGS].reverse();
    const copy = JSON.parse(JSON.stringify(input));
    const out = applyWaivers(input, [valid({})], RULES, TODAY);
    expect(input).toEqual(copy);
    expect(out.map((f) => `${f.ruleId} ${f.urn}`)).toEqual(out.map((f) => `${f.ruleId} ${f.urn}`).sort());
  });
});

describe("selectorMatches", () => {
  const f = { urn: urn(BUCKET, "phi-records"), resourceName: "phi-records" };
  it.each([
    ["phi-records", true],
    ["phi-*", true],
    ["*records", true],
    [urn(BUCKET, "phi-records"), true],
    ["*::aws:s3/bucket:Bucket::*", true],
    ["phi", false],
    ["phi-records-2", false],
    ["PHI-records", false],
  ])("%s → %s", (selector, expected) => {
    expect(selectorMatches(selector, f)).toBe(expected);
  });
  it("treats regular-expression characters literally", () => {
    expect(selectorMatches("phi.records", f)).toBe(false);
    expect(selectorMatches("phi-(records)", { urn: "x", resourceName: "phi-(records)" })).toBe(true);
  });
});

describe("reasonProblem", () => {
  it("accepts a sentence an auditor can follow", () => {
    expect(reasonProblem("Vendor integration requires TLS 1.1 until its Q3 upgrade")).toBeUndefined();
  });
});

describe("waiverSchema", () => {
  it("parses the waivers of a phiguard.yaml, dates included", () => {
    const yaml = `
waivers:
  - rule: s3-bucket-encrypted-with-kms
    resource: access-logs
    reason: S3 server access logs cannot be delivered to SSE-KMS buckets
    approver: Dana Smith
    expires: 2025-12-31
  - rule: vpc-flow-logs-enabled
    resource: "sandbox-*"
`;
    const parsed = waiverSchema.parse((parse(yaml) as { waivers: unknown }).waivers);
    expect(parsed[0]?.expires).toBe("2025-12-31");
    expect(parsed[1]).toEqual({ rule: "vpc-flow-logs-enabled", resource: "sandbox-*" });
    expect(waiverSchema.parse([{ rule: "r", resource: "x", expires: new Date("2026-01-02T00:00:00Z") }])[0]?.expires).toBe("2026-01-02");
  });

  it("rejects misspelt keys and missing selectors", () => {
    expect(waiverSchema.safeParse([{ rule: "r", resource: "x", expiry: "2025-01-01" }]).success).toBe(false);
    expect(waiverSchema.safeParse([{ rule: "r" }]).success).toBe(false);
    expect(waiverSchema.safeParse([{ rule: " ", resource: "x" }]).success).toBe(false);
  });
});
