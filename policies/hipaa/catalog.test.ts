import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { ruleMetadata, type PhiguardPolicy } from "../engine/rule";
import { HIPAA_PARAGRAPHS, isKnownParagraph } from "./controls";
import { EXTERNAL_RULE_SETS, RULE_SET_IDS, ruleSetCoverage, ruleSetIds } from "./coverage";
import { awsRules, hipaaPolicies, PACK_NAME, PACK_VERSION } from "./index";
import { NOT_COVERED } from "./not-covered";
import type { ServiceCases } from "./rules/aws/tests/support";

const AWS_DIR = path.join(__dirname, "rules", "aws");
const ruleFiles = fs
  .readdirSync(AWS_DIR)
  .filter((f) => f.endsWith(".ts") && f !== "index.ts" && !f.endsWith(".test.ts"))
  .map((f) => f.slice(0, -3))
  .sort();

/** AWS Config managed rules that are not in the HIPAA conformance pack but that rules may cite. */
const OTHER_AWS_CONFIG_RULES = new Set([
  "ALB_HTTP_DROP_INVALID_HEADER_ENABLED",
  "CLOUDWATCH_LOG_GROUP_ENCRYPTED",
  "CMK_BACKING_KEY_ROTATION_ENABLED",
  "CW_LOGGROUP_RETENTION_PERIOD_CHECK",
  "DYNAMODB_TABLE_ENCRYPTED_KMS",
  "LAMBDA_CONCURRENCY_CHECK",
  "LAMBDA_DLQ_CHECK",
  "LAMBDA_INSIDE_VPC",
  "RDS_INSTANCE_DELETION_PROTECTION_ENABLED",
]);
/** cdk-nag HIPAA rule IDs of earlier cdk-nag releases. */
const OTHER_CDK_NAG_RULES = new Set(["S3BucketServerSideEncryptionEnabled"]);

async function loadCases(): Promise<ServiceCases[]> {
  const dir = path.join(AWS_DIR, "tests");
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".cases.ts"));
  const modules = await Promise.all(files.map((f) => import(path.join(dir, f)) as Promise<Record<string, ServiceCases>>));
  return modules.flatMap((m) => Object.values(m));
}

describe("the HIPAA pack", () => {
  it("is named phiguard-hipaa and versioned like the package", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string };
    expect(PACK_NAME).toBe("phiguard-hipaa");
    expect(PACK_VERSION).toBe(pkg.version);
  });

  it("has at least 55 AWS rules, one per file, each file named after its rule", async () => {
    expect(ruleFiles.length).toBeGreaterThanOrEqual(55);
    for (const file of ruleFiles) {
      const rule = ((await import(path.join(AWS_DIR, `${file}.ts`))) as { default: PhiguardPolicy }).default;
      expect(rule.name, `${file}.ts`).toBe(file);
    }
    expect(awsRules.map((r) => r.name)).toEqual(ruleFiles);
  });

  it("lists every rule once, sorted by name", () => {
    const names = hipaaPolicies.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual([...names].sort());
  });

  it.each(hipaaPolicies.map((p) => [p.name, p] as const))("%s cites catalog paragraphs and says how to fix it", (_name, rule) => {
    expect(() => ruleMetadata(rule)).not.toThrow();
    expect(rule.hipaa.length).toBeGreaterThan(0);
    for (const paragraph of rule.hipaa) expect(isKnownParagraph(paragraph), `${rule.name} cites ${paragraph}`).toBe(true);
    expect(new Set(rule.hipaa).size).toBe(rule.hipaa.length);
    expect(rule.remediation.trim().length).toBeGreaterThan(20);
    expect(rule.description.trim().length).toBeGreaterThan(20);
    expect(["advisory", "mandatory"]).toContain(rule.enforcementLevel);
  });

  it.each(awsRules.map((p) => [p.name, p] as const))("%s names the component or argument that fixes it and its external IDs", (_name, rule) => {
    expect(rule.remediation).toMatch(/`[^`]+`/);
    expect(rule.resourceTypes?.length).toBeGreaterThan(0);
    for (const type of rule.resourceTypes ?? []) expect(type).toMatch(/^aws:[a-zA-Z0-9]+\/[a-zA-Z0-9]+:[A-Za-z0-9]+$/);
    const configIds = new Set(EXTERNAL_RULE_SETS["aws-config-hipaa"].map((r) => r.identifier));
    for (const id of rule.controls?.awsConfig ?? []) expect(configIds.has(id) || OTHER_AWS_CONFIG_RULES.has(id), id).toBe(true);
    const nagIds = new Set(EXTERNAL_RULE_SETS["cdk-nag-hipaa"].map((r) => r.rule));
    for (const id of rule.controls?.cdkNag ?? []) {
      expect(id).toMatch(/^HIPAA\.Security-/);
      const bare = id.slice("HIPAA.Security-".length);
      expect(nagIds.has(bare) || OTHER_CDK_NAG_RULES.has(bare), id).toBe(true);
    }
    for (const id of rule.controls?.checkov ?? []) expect(id).toMatch(/^CKV2?_AWS_\d+$/);
    for (const id of rule.controls?.cis ?? []) expect(id).toMatch(/^(AWS 3\.0\.0|EKS 1\.8\.0) \d+(\.\d+)+$/);
  });

  it("tests every AWS rule on a compliant and a non-compliant resource", async () => {
    const cases = (await loadCases()).flatMap((s) => s.cases);
    for (const rule of awsRules) {
      const mine = cases.filter((c) => c.rule === rule.name);
      expect(mine.some((c) => c.pass.length > 0), `${rule.name} has a compliant case`).toBe(true);
      expect(mine.some((c) => c.fail.length > 0), `${rule.name} has a non-compliant case`).toBe(true);
    }
  });

  it("covers the paragraphs of the catalog that are infrastructure checks", () => {
    const cited = new Set(hipaaPolicies.flatMap((p) => p.hipaa));
    const required = ["164.312(a)(1)", "164.312(a)(2)(iv)", "164.312(b)", "164.312(c)(1)", "164.312(e)(1)", "164.312(e)(2)(ii)", "164.308(a)(7)(ii)(A)"];
    for (const p of required) expect(cited.has(p), p).toBe(true);
    expect(HIPAA_PARAGRAPHS.every((p) => p.title.length > 0)).toBe(true);
  });
});

describe("not-covered reasons", () => {
  it.each(RULE_SET_IDS.map((id) => [id] as const))("give a reason for every %s rule phiguard does not implement, and only for those", (ruleSet) => {
    const coverage = ruleSetCoverage(awsRules, ruleSet);
    for (const r of coverage.rules) {
      if (r.covered) expect(NOT_COVERED[ruleSet][r.id], `${r.id} is covered by ${r.rules.join(", ")}; drop its reason`).toBeUndefined();
      else expect(r.reason, `${r.id} needs a reason in not-covered.ts`).toMatch(/\S{3,}/);
    }
    const ids = new Set(ruleSetIds(ruleSet));
    for (const id of Object.keys(NOT_COVERED[ruleSet])) expect(ids.has(id), `${id} is not a ${ruleSet} rule`).toBe(true);
  });
});
