/**
 * The Rego engine around the rules: it fails closed (a broken or mismatched wasm, a missing
 * entrypoint, a Rego runtime error), it maps findings like the TypeScript engine (enforcement,
 * config, metadata), and the pack's analyzer-facing files (METADATA, config-schema.json,
 * PulumiPolicy.yaml) say what the TypeScript rules say.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { PhiguardError } from "../../cli/errors";
import { PLAN_SCHEMA_VERSION, UNKNOWN, type Plan, type PlannedResource, type Props } from "../../cli/plan";
import { evaluatePlan } from "../../policies/engine";
import type { Finding } from "../../policies/engine/finding";
import {
  assertEnginesAgree,
  compareEngines,
  defaultWasmPath,
  evaluatePlanRego,
  evaluateWithEngine,
  loadRegoPack,
} from "../../policies/engine/rego";
import { hipaaPolicies } from "../../policies/hipaa";
import { REPO_ROOT } from "../support/plan";

const OPA_DIR = path.join(REPO_ROOT, "policies/opa");

function resource(type: string, name: string, props: Props): PlannedResource {
  return {
    urn: `urn:pulumi:dev::clinic::${type}::${name}`,
    type,
    name,
    custom: true,
    dependencies: [],
    propertyDependencies: {},
    props,
    options: { protect: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [] },
  };
}

function plan(resources: PlannedResource[]): Plan {
  return { schemaVersion: PLAN_SCHEMA_VERSION, source: "program", project: "clinic", stack: "dev", config: {}, stackTags: {}, resources, diagnostics: [] };
}

const POD = {
  metadata: { namespace: "app" },
  spec: { hostPID: true, containers: [{ name: "app", image: "nginx:latest", securityContext: { privileged: UNKNOWN } }] },
};

function tempCopy(bytes: Uint8Array): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "phiguard-rego-"));
  const file = path.join(dir, "phiguard.wasm");
  fs.writeFileSync(file, bytes);
  return file;
}

/** Expects a one-line PhiguardError matching `pattern`. */
async function expectPhiguardError(promise: Promise<unknown>, pattern: RegExp): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PhiguardError);
  expect((error as Error).message).toMatch(pattern);
  expect((error as Error).message).not.toContain("\n");
}

describe("evaluatePlanRego", () => {
  it("maps Rego findings to the TypeScript engine's findings, metadata included", async () => {
    const p = plan([resource("kubernetes:core/v1:Pod", "web", POD)]);
    const rego = await evaluatePlanRego(p);
    const ts = await evaluatePlan(p, hipaaPolicies.filter((r) => rego.ruleIds.includes(r.name)));
    expect(rego.findings).toEqual(ts.findings.filter((f) => rego.ruleIds.includes(f.ruleId)));
    const hostNamespaces = rego.findings.find((f) => f.ruleId === "k8s-no-host-namespaces") as Finding;
    expect(hostNamespaces).toMatchObject({ level: "mandatory", kind: "violation", resourceType: "kubernetes:core/v1:Pod", resourceName: "web" });
    expect(hostNamespaces.hipaa.length).toBeGreaterThan(0);
    expect(rego.findings.find((f) => f.ruleId === "k8s-no-privileged-containers")).toMatchObject({ kind: "unverifiable", level: "advisory" });
  });

  it("applies enforcement overrides and rule configuration as the TypeScript engine does", async () => {
    const p = plan([resource("kubernetes:core/v1:Pod", "web", POD)]);
    const options = {
      enforcement: { "k8s-no-host-namespaces": "disabled", "k8s-secrets-as-files-not-env-vars": "mandatory" } as const,
      policyConfig: { "k8s-image-pinned-by-digest": { allowedRegistries: ["docker.io"] } },
    };
    const rego = await evaluatePlanRego(p, options);
    expect(rego.findings.some((f) => f.ruleId === "k8s-no-host-namespaces")).toBe(false);
    const ts = await evaluatePlan(p, hipaaPolicies.filter((r) => rego.ruleIds.includes(r.name)), options);
    expect(compareEngines(ts.findings, rego.findings, rego.ruleIds)).toEqual([]);
  });

  it("keeps a violation's own advisory level under enforcement overrides, as the TypeScript engine does", async () => {
    const table = resource("aws:dynamodb/table:Table", "unplaced", { tags: { "data-classification": "phi" } });
    const bucket = resource("aws:s3/bucket:Bucket", "abroad", { region: "eu-west-1", tags: { "data-classification": "phi" } });
    const p = plan([table, bucket]);
    const rules = hipaaPolicies.filter((r) => r.name === "phi-resources-in-allowed-regions");
    for (const level of [undefined, "mandatory", "remediate", "advisory", "disabled"] as const) {
      const options = level ? { enforcement: { all: level } } : {};
      const rego = await evaluatePlanRego(p, options);
      const ts = await evaluatePlan(p, rules, options);
      const levels = (findings: readonly Finding[]) =>
        findings.filter((f) => f.ruleId === "phi-resources-in-allowed-regions").map((f) => `${f.resourceName}:${f.level}`).sort();
      expect(levels(rego.findings), String(level)).toEqual(levels(ts.findings));
      expect(compareEngines(ts.findings, rego.findings, ["phi-resources-in-allowed-regions"]), String(level)).toEqual([]);
    }
    const all = await evaluatePlanRego(p, { enforcement: { all: "mandatory" } });
    expect(all.findings.filter((f) => f.ruleId === "phi-resources-in-allowed-regions").map((f) => `${f.resourceName}:${f.level}`).sort()).toEqual([
      "abroad:mandatory",
      "unplaced:advisory",
    ]);
  });

  it("rejects configuration that names no rule, as the TypeScript engine does", async () => {
    await expectPhiguardError(evaluatePlanRego(plan([]), { enforcement: { "no-such-rule": "mandatory" } }), /names rule 'no-such-rule'/);
  });

  it("rejects a malformed plan value, as the TypeScript engine does", async () => {
    const bad = resource("aws:lambda/function:Function", "fn", { code: { "@phiguard": "archive" } as never });
    await expectPhiguardError(evaluatePlanRego(plan([bad])), /resource .*fn: invalid archive.*the plan is malformed/);
  });

  it("fails closed on a missing, broken or truncated wasm", async () => {
    await expectPhiguardError(evaluatePlanRego(plan([]), { wasmPath: "/nonexistent/phiguard.wasm" }), /cannot read the Rego pack/);
    await expectPhiguardError(evaluatePlanRego(plan([]), { wasmPath: tempCopy(new TextEncoder().encode("not wasm")) }), /is not a usable compiled Rego policy.*scripts\/build-rego\.sh/);
    const committed = fs.readFileSync(defaultWasmPath());
    await expectPhiguardError(evaluatePlanRego(plan([]), { wasmPath: tempCopy(committed.subarray(0, committed.length >> 1)) }), /is not a usable compiled Rego policy/);
  });

  it("fails closed when an entrypoint is missing", async () => {
    const bytes = Buffer.from(fs.readFileSync(defaultWasmPath()));
    const name = Buffer.from("phiguard/findings");
    let at = bytes.indexOf(name);
    expect(at).toBeGreaterThan(0);
    for (; at >= 0; at = bytes.indexOf(name, at + 1)) bytes.write("phiguard/findingZ", at);
    await expectPhiguardError(evaluatePlanRego(plan([]), { wasmPath: tempCopy(bytes) }), /has no entrypoint phiguard\/findings/);
  });

  it("fails closed on a wasm runtime error, and evaluates again afterwards", async () => {
    // The wasm JSON parser aborts on an escaped lone surrogate (JSON.stringify writes "\ud800"),
    // which JavaScript (and so the TypeScript engine) accepts: a known limit of the Rego engine.
    const pod = resource("kubernetes:core/v1:Pod", "web", POD);
    const odd = resource("kubernetes:core/v1:ConfigMap", "odd", { data: { text: "\ud800" } });
    await expectPhiguardError(evaluatePlanRego(plan([pod, odd])), /the Rego pack .* failed in phiguard\/findings: illegal string escape character/);
    expect((await evaluatePlanRego(plan([pod]))).findings.length).toBeGreaterThan(0);
  });

  it("rejects a pack whose rules do not match the TypeScript rules", async () => {
    const policies = hipaaPolicies.map((p) => (p.name === "k8s-no-host-ports" ? { ...p, enforcementLevel: "advisory" as const } : p));
    await expectPhiguardError(evaluatePlanRego(plan([]), { policies }), /rule 'k8s-no-host-ports' is mandatory in Rego but advisory in TypeScript/);
    const renamed = hipaaPolicies.filter((p) => p.name !== "eks-core-addons-managed");
    await expectPhiguardError(evaluatePlanRego(plan([]), { policies: renamed }), /rule 'eks-core-addons-managed' has no TypeScript rule/);
  });
});

describe("evaluateWithEngine", () => {
  const p = plan([
    resource("kubernetes:core/v1:Pod", "web", POD),
    resource("aws:s3/bucket:Bucket", "logs", {}),
    { ...resource("phiguard:remote:Thing", "remote", {}), custom: false, remote: true },
  ]);
  // A rule the Rego pack does not implement (a renamed copy of one it does), so the test does not
  // depend on which AWS rules are ported.
  const tsOnly = { ...(hipaaPolicies.find((r) => r.name === "s3-bucket-versioning-enabled") as (typeof hipaaPolicies)[number]), name: "ts-only-bucket-versioning" };
  const policies = [...hipaaPolicies, tsOnly];
  const options = { enforcement: { "k8s-no-host-ports": "advisory", "s3-bucket-versioning-enabled": "advisory", "ts-only-bucket-versioning": "advisory" } as const };

  it("gives the same findings with every engine, and says which engine ran which rule", async () => {
    const ts = await evaluateWithEngine("ts", p, policies, options);
    const rego = await evaluateWithEngine("rego", p, policies, options);
    const both = await evaluateWithEngine("both", p, policies, options);
    expect(rego.findings).toEqual(ts.findings);
    expect(both.findings).toEqual(ts.findings);
    expect(rego.engines.rego).toContain("k8s-no-host-ports");
    expect(rego.engines.ts).toContain("ts-only-bucket-versioning");
    expect(rego.engines.ts).not.toContain("k8s-no-host-ports");
    expect(ts.findings.filter((f) => f.ruleId === "phiguard-remote-component-not-visible")).toHaveLength(1);
  });

  it("with both, a disagreement is an error naming the rule and resource", async () => {
    // A TypeScript rule that differs from its Rego twin (same metadata, another check).
    const changed = hipaaPolicies.map((r) =>
      r.name === "k8s-no-host-namespaces" && "validateResource" in r ? { ...r, validateResource: () => undefined } : r,
    );
    await expectPhiguardError(
      evaluateWithEngine("both", p, changed),
      /engines disagree \(1\): rule k8s-no-host-namespaces on urn:pulumi:dev::clinic::kubernetes:core\/v1:Pod::web: violation \(mandatory\) only in the Rego engine/,
    );
  });
});

describe("compareEngines", () => {
  const finding = (ruleId: string, urn: string, kind: Finding["kind"] = "violation"): Finding => ({
    ruleId,
    urn,
    level: kind === "violation" ? "mandatory" : "advisory",
    kind,
    message: `desc\n${ruleId} on ${urn}`,
    hipaa: [],
  });

  it("reports the findings only one engine has, for the Rego pack's rules only", () => {
    const ts = [finding("a", "u1"), finding("a", "u1"), finding("b", "u2"), finding("not-ported", "u3")];
    const rego = [finding("a", "u1"), finding("b", "u2", "unverifiable")];
    expect(compareEngines(ts, rego, ["a", "b"]).map((d) => [d.ruleId, d.urn, d.kind, d.onlyIn])).toEqual([
      ["a", "u1", "violation", "ts"],
      ["b", "u2", "unverifiable", "rego"],
      ["b", "u2", "violation", "ts"],
    ]);
  });

  it("throws one line naming the rule and the resource", () => {
    expect(() => assertEnginesAgree([finding("a", "urn:x")], [], ["a"])).toThrow(
      /engines disagree \(1\): rule a on urn:x: violation \(mandatory\) only in the TypeScript engine: a on urn:x/,
    );
    expect(() => assertEnginesAgree([finding("a", "urn:x")], [finding("a", "urn:x")], ["a"])).not.toThrow();
  });
});

describe("the pack for Pulumi's OPA analyzer", () => {
  it("ships a PulumiPolicy.yaml with runtime opa", () => {
    const manifest = YAML.parse(fs.readFileSync(path.join(OPA_DIR, "PulumiPolicy.yaml"), "utf8")) as Record<string, unknown>;
    expect(manifest.runtime).toBe("opa");
    expect(typeof manifest.description).toBe("string");
  });

  it("describes each rule (METADATA title and description) as its TypeScript twin", async () => {
    const pack = await loadRegoPack();
    const byName = new Map(hipaaPolicies.map((p) => [p.name, p]));
    const described = new Map<string, { title: string; description: string; rule: string }>();
    for (const file of regoFiles(OPA_DIR)) {
      const text = fs.readFileSync(file, "utf8");
      for (const m of text.matchAll(/# METADATA\n((?:# .*\n)+)(\S+) contains msg/g)) {
        const meta = YAML.parse((m[1] as string).replace(/^# /gm, "")) as { title: string; description: string };
        described.set(meta.title, { ...meta, rule: m[2] as string });
        expect(path.basename(file), "one rule per file, named after it").toBe(`${meta.title}.rego`);
      }
    }
    expect([...described.keys()].sort()).toEqual([...pack.rules.keys()].sort());
    for (const [id, meta] of described) {
      expect(meta.description, id).toBe(byName.get(id)?.description);
      expect(meta.rule, id).toBe(pack.rules.get(id)?.rego);
    }
  });

  it("declares each rule's configuration (config-schema.json) as its TypeScript twin", async () => {
    const pack = await loadRegoPack();
    const schemas = JSON.parse(fs.readFileSync(path.join(OPA_DIR, "config-schema.json"), "utf8")) as Record<string, unknown>;
    const expected: Record<string, unknown> = {};
    for (const [id, rule] of pack.rules) {
      const schema = hipaaPolicies.find((p) => p.name === id)?.configSchema;
      if (schema) expected[rule.rego] = JSON.parse(JSON.stringify(schema));
    }
    expect(schemas).toEqual(expected);
  });
});

function regoFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return regoFiles(full);
    return e.name.endsWith(".rego") && !e.name.endsWith("_test.rego") ? [full] : [];
  });
}
