/**
 * The shape of the Kubernetes and EKS rule sets: one rule per file named after it, complete
 * metadata, sorted indexes, and a planner-backed test for every rule.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ResourceValidationArgs } from "@pulumi/policy";
import { isResourceRule, ruleMetadata, type PhiguardPolicy } from "../../../../engine/rule";
import { eksRules } from "../../eks";
import { k8sWorkloadRules, kubernetesRules } from "..";

/** Files of the two folders that are helpers, not rules. */
const HELPERS = new Set(["index.ts", "pod-spec.ts", "namespace.ts", "rbac.ts", "support.ts", "image-reference.ts"]);

/** The HIPAA Security Rule paragraphs phiguard cites. */
const PARAGRAPHS = new Set([
  "164.308(a)(1)(ii)(D)",
  "164.308(a)(3)(i)",
  "164.308(a)(3)(ii)(A)",
  "164.308(a)(4)(i)",
  "164.308(a)(4)(ii)(A)",
  "164.308(a)(4)(ii)(B)",
  "164.308(a)(4)(ii)(C)",
  "164.308(a)(5)(ii)(A)",
  "164.308(a)(5)(ii)(B)",
  "164.308(a)(5)(ii)(C)",
  "164.308(a)(5)(ii)(D)",
  "164.308(a)(6)(ii)",
  "164.308(a)(7)(i)",
  "164.308(a)(7)(ii)(A)",
  "164.308(a)(7)(ii)(B)",
  "164.308(a)(7)(ii)(C)",
  "164.310(d)(2)(iv)",
  "164.312(a)(1)",
  "164.312(a)(2)(i)",
  "164.312(a)(2)(ii)",
  "164.312(a)(2)(iii)",
  "164.312(a)(2)(iv)",
  "164.312(b)",
  "164.312(c)(1)",
  "164.312(c)(2)",
  "164.312(d)",
  "164.312(e)(1)",
  "164.312(e)(2)(i)",
  "164.312(e)(2)(ii)",
]);

const COMPONENTS = /`(SecureCluster|WorkloadBaseline|SecureWorkload)`/;

interface RuleFile {
  readonly folder: string;
  readonly file: string;
  /** The file's default export. */
  rule: PhiguardPolicy;
}

function ruleFiles(folder: string): RuleFile[] {
  const dir = path.resolve(__dirname, "..", "..", folder);
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ts") && !HELPERS.has(f))
    .sort()
    .map((file) => ({ folder, file, rule: undefined as unknown as PhiguardPolicy }));
}

const FILES = [...ruleFiles("kubernetes"), ...ruleFiles("eks")];

beforeAll(async () => {
  for (const f of FILES) {
    const mod = (await import(path.resolve(__dirname, "..", "..", f.folder, f.file))) as { default?: PhiguardPolicy };
    f.rule = mod.default as PhiguardPolicy;
  }
});

function testSources(folder: string): string {
  const dir = path.resolve(__dirname, "..", "..", folder, "tests");
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".test.ts"))
    .map((f) => fs.readFileSync(path.join(dir, f), "utf8"))
    .join("\n");
}

describe("rule files", () => {
  it("has at least 18 Kubernetes and 8 EKS rules", () => {
    expect(FILES.filter((f) => f.folder === "kubernetes").length).toBeGreaterThanOrEqual(18);
    expect(FILES.filter((f) => f.folder === "eks").length).toBeGreaterThanOrEqual(8);
  });

  describe.each(FILES)("$folder/$file", (entry) => {
    const { folder, file } = entry;
    it("exports a default rule named after the file", () => {
      const { rule } = entry;
      expect(rule).toBeDefined();
      expect(rule.name).toBe(file.replace(/\.ts$/, ""));
      expect(rule.name).toMatch(folder === "eks" ? /^eks-[a-z0-9-]+$/ : /^k8s-[a-z0-9-]+$/);
    });

    it("has complete metadata", () => {
      const { rule } = entry;
      expect(() => ruleMetadata(rule)).not.toThrow();
      expect(rule.description.length).toBeGreaterThan(40);
      expect(rule.hipaa.length).toBeGreaterThan(0);
      for (const p of rule.hipaa) expect(PARAGRAPHS, p).toContain(p);
      expect(rule.remediation).toMatch(COMPONENTS);
      expect(rule.enforcementLevel === "mandatory" || rule.enforcementLevel === "advisory").toBe(true);
      expect(rule.resourceTypes?.length).toBeGreaterThan(0);
      expect(rule.controls).toBeDefined();
      for (const id of rule.controls?.checkov ?? []) expect(id).toMatch(/^CKV2?_(K8S|AWS)_\d+$/);
      for (const id of rule.controls?.cis ?? []) expect(id).toMatch(/^\d+\.\d+\.\d+$/);
      for (const id of rule.controls?.awsConfig ?? []) expect(id).toMatch(/^[A-Z0-9_]+$/);
    });

    it("gives every config property a default", () => {
      const { rule } = entry;
      for (const [key, schema] of Object.entries(rule.configSchema?.properties ?? {})) {
        expect(schema, key).toHaveProperty("default");
      }
    });

    it("passes silently on resources of other types, as a PolicyPack calls it for every resource", async () => {
      const { rule } = entry;
      if (!isResourceRule(rule) || typeof rule.validateResource !== "function") return;
      const reports: unknown[] = [];
      const props = { metadata: {}, spec: { type: "LoadBalancer" }, rules: [{ verbs: ["*"], resources: ["*"] }], version: "1.0" };
      const args = {
        type: "aws:s3/bucket:Bucket",
        props,
        urn: "urn:pulumi:test::test::aws:s3/bucket:Bucket::b",
        name: "b",
        opts: {},
        stackTags: new Map<string, string>(),
        isType: () => false,
        asType: () => undefined,
        getConfig: () => ({}),
        notApplicable: () => {
          throw new Error("not applicable");
        },
      } as unknown as ResourceValidationArgs;
      await rule.validateResource(args, (message: unknown) => reports.push(message));
      expect(reports).toEqual([]);
    });

    it("is tested through the planner", () => {
      const { rule } = entry;
      expect(testSources(folder)).toContain(`from "../${rule.name}"`);
    });
  });
});

describe("indexes", () => {
  const byName = (rules: readonly PhiguardPolicy[]) => rules.map((r) => r.name);
  const sorted = (names: string[]) => [...names].sort();

  it("k8sWorkloadRules holds every Kubernetes rule file, sorted", () => {
    const names = byName(k8sWorkloadRules);
    expect(names).toEqual(sorted(names));
    expect(names).toEqual(FILES.filter((f) => f.folder === "kubernetes").map((f) => f.rule.name));
  });

  it("eksRules holds every EKS rule file, sorted", () => {
    const names = byName(eksRules);
    expect(names).toEqual(sorted(names));
    expect(names).toEqual(FILES.filter((f) => f.folder === "eks").map((f) => f.rule.name));
  });

  it("kubernetesRules combines both, sorted, each rule once", () => {
    const names = byName(kubernetesRules);
    expect(names).toEqual(sorted(FILES.map((f) => f.rule.name)));
    expect(new Set(names).size).toBe(names.length);
    for (const f of FILES) expect(kubernetesRules).toContain(f.rule);
  });
});
