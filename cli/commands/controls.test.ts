import { afterEach, describe, expect, it, vi } from "vitest";
import yargs from "yargs";
import { hipaaPolicies } from "../../policies/hipaa";
import { controlsReport, ruleSetCoverage } from "../../policies/hipaa/coverage";
import type { PhiguardPolicy } from "../../policies/engine/rule";
import { controlsCommand, renderControlsText } from "./controls";

async function run(...argv: string[]): Promise<string> {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  try {
    await yargs(argv).command(controlsCommand).strict().fail((msg, err) => {
      throw err ?? new Error(msg);
    }).parseAsync();
  } finally {
    spy.mockRestore();
  }
  return chunks.join("");
}

afterEach(() => vi.restoreAllMocks());

describe("phiguard controls", () => {
  it("lists every paragraph with its rules, and both external rule sets", async () => {
    const text = await run("controls");
    expect(text).toContain("164.312(a)(2)(iv)  Encryption and decryption (addressable)");
    expect(text).toMatch(/164\.312\(a\)\(2\)\(iv\)[^\n]*\n( {2}[a-z0-9-]+\n)* {2}s3-bucket-encrypted-with-kms\n/);
    expect(text).toContain("(aws-config-hipaa): ");
    expect(text).toContain("(cdk-nag-hipaa): ");
    expect(text).toMatch(/ACCESS_KEYS_ROTATED +\[runtime-only\] /);
    expect(text).toMatch(/S3_DEFAULT_ENCRYPTION_KMS +s3-bucket-encrypted-with-kms\n/);
    expect(text).not.toContain("unexplained");
  });

  it("is deterministic", async () => {
    expect(await run("controls")).toBe(await run("controls"));
  });

  it("restricts coverage to one rule set with --against, as JSON", async () => {
    const json = JSON.parse(await run("controls", "--against", "cdk-nag-hipaa", "--format", "json")) as {
      pack: { name: string };
      rules: number;
      paragraphs: { paragraph: string; rules: string[] }[];
      ruleSets: { ruleSet: string; total: number; covered: number; rules: { id: string; covered: boolean; rules: string[]; reason?: string }[] }[];
    };
    expect(json.pack.name).toBe("phiguard-hipaa");
    expect(json.rules).toBe(hipaaPolicies.length);
    expect(json.ruleSets.map((s) => s.ruleSet)).toEqual(["cdk-nag-hipaa"]);
    const set = json.ruleSets[0];
    expect(set?.total).toBe(90);
    expect(set?.covered).toBe(set?.rules.filter((r) => r.covered).length);
    expect(set?.rules.map((r) => r.id)).toEqual([...(set?.rules.map((r) => r.id) ?? [])].sort());
    expect(set?.rules.find((r) => r.id === "S3BucketSSLRequestsOnly")).toEqual({ id: "S3BucketSSLRequestsOnly", rules: ["s3-bucket-ssl-requests-only"], covered: true });
    expect(set?.rules.find((r) => r.id === "EC2EBSOptimizedInstance")).toMatchObject({ covered: false });
    for (const p of json.paragraphs) expect(p.rules).toEqual([...p.rules].sort());
  });

  it("rejects an unknown rule set", async () => {
    await expect(run("controls", "--against", "nist")).rejects.toThrow(/Invalid values|Choices/);
  });

  it("formats from the pure coverage functions", () => {
    const rule: PhiguardPolicy = {
      name: "only-rule",
      description: "d",
      hipaa: ["164.312(b)"],
      remediation: "r",
      controls: { awsConfig: ["VPC_FLOW_LOGS_ENABLED"] },
      validateStack: () => undefined,
    };
    const coverage = ruleSetCoverage([rule], "aws-config-hipaa");
    expect(coverage.covered).toBe(1);
    const text = renderControlsText(controlsReport([rule], "aws-config-hipaa"));
    expect(text).toContain("164.312(b)  Audit controls (required)\n  only-rule\n");
    expect(text).toContain("164.312(a)(2)(iii)  Automatic logoff (addressable)\n  (no preview-time rule)\n");
    expect(text).toMatch(/VPC_FLOW_LOGS_ENABLED +only-rule/);
    expect(text).toContain("1 of 130 rules covered");
  });
});
