import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";
import { describe, expect, it } from "vitest";
import { isPhiguardError } from "../../cli/errors";
import { SECRET, UNKNOWN } from "../../cli/plan";
import { evaluatePlan } from "./evaluate";
import { REMOTE_COMPONENT_RULE_ID } from "./remote";
import type { PhiguardPolicy, PhiguardResourcePolicy, PhiguardStackPolicy } from "./rule";
import { clinicPlan, plan, resource } from "./test-support/plans";

const meta = { hipaa: ["164.312(a)(2)(iv)"], remediation: "Turn it on." };

function rule(name: string, validate: PhiguardResourcePolicy["validateResource"], extra: Partial<PhiguardResourcePolicy> = {}): PhiguardResourcePolicy {
  return { ...meta, name, description: `${name} description`, validateResource: validate, ...extra };
}

function stackRule(name: string, validate: PhiguardStackPolicy["validateStack"], extra: Partial<PhiguardStackPolicy> = {}): PhiguardStackPolicy {
  return { ...meta, name, description: `${name} description`, validateStack: validate, ...extra };
}

const stack = resource({ type: "pulumi:pulumi:Stack", name: "clinic-dev", custom: false });
const key = resource({ type: "aws:kms/key:Key", name: "k", parent: stack, props: { enableKeyRotation: false, policy: UNKNOWN } });
const bucket = resource({ type: "aws:s3/bucket:Bucket", name: "b", parent: stack, props: { bucket: "b", tags: { a: "1" } } });
const db = resource({
  type: "aws:rds/instance:Instance",
  name: "db",
  parent: stack,
  props: { storageEncrypted: true, kmsKeyId: UNKNOWN, password: SECRET },
  propertyDependencies: { kmsKeyId: [key] },
});
const small = plan([stack, key, bucket, db]);

describe("evaluatePlan: unknown and secret values", () => {
  it("turns a read of an unknown value into an advisory 'unverifiable' finding, even for a mandatory rule", async () => {
    const r = rule("rds-cmk", validateResourceOfType(aws.rds.Instance, (d, _a, report) => {
      if (!d.kmsKeyId) report("no key");
    }), { enforcementLevel: "mandatory", severity: "high" });
    const { findings, evaluated } = await evaluatePlan(small, [r]);
    expect(findings).toEqual([
      {
        ruleId: "rds-cmk",
        level: "advisory",
        kind: "unverifiable",
        urn: db.urn,
        resourceType: db.type,
        resourceName: "db",
        message: "cannot be verified before deploy: props.kmsKeyId",
        hipaa: meta.hipaa,
        remediation: meta.remediation,
        severity: "high",
      },
    ]);
    expect(evaluated).toEqual([{ ruleId: "rds-cmk", urn: db.urn }]);
  });

  it("says a secret is not available offline", async () => {
    const r = rule("pw", (args) => void String(args.props.password));
    const { findings } = await evaluatePlan(small, [r]);
    expect(findings.map((f) => [f.kind, f.urn, f.message])).toEqual([
      ["unverifiable", db.urn, "cannot be verified before deploy: props.password (secret value is not available offline)"],
    ]);
  });

  it("names the resource whose value a stack rule could not read", async () => {
    const r = stackRule("policy-known", (args) => {
      for (const res of args.resources) void res.props.policy;
    });
    const { findings } = await evaluatePlan(small, [r]);
    expect(findings.map((f) => [f.kind, f.level, f.urn, f.message])).toEqual([
      ["unverifiable", "advisory", key.urn, "cannot be verified before deploy: props.policy"],
    ]);
  });

  it("reports an unknown provider input against the resource, with the provider path", async () => {
    const { findings } = await evaluatePlan(clinicPlan(), [
      rule("region", (args) => void args.provider?.props.region),
    ]);
    const logs = clinicPlan().resources.find((r) => r.name === "access-logs");
    expect(findings.filter((f) => f.kind === "unverifiable").map((f) => [f.urn, f.message])).toEqual([
      [logs?.urn, "cannot be verified before deploy: provider.props.region"],
    ]);
  });

  it("does not mistake presence checks or key listing for a read", async () => {
    const r = rule("keys", (args, report) => {
      if (args.type === db.type) report(`${Object.keys(args.props).join(",")} ${"kmsKeyId" in args.props}`);
    });
    const { findings } = await evaluatePlan(small, [r]);
    expect(findings.map((f) => f.message)).toEqual(["keys description\nkmsKeyId,password,storageEncrypted true"]);
  });
});

describe("evaluatePlan: errors", () => {
  it("fails with a one-line PhiguardError naming the rule and resource when a rule throws", async () => {
    const r = rule("boom", (args) => {
      if (args.type === bucket.type) throw new Error("bad\nthing");
    });
    const error = await evaluatePlan(small, [r]).catch((e: unknown) => e);
    expect(isPhiguardError(error)).toBe(true);
    expect((error as Error).message).toBe(`rule 'boom' (pack phiguard@v0.0.0) failed on resource ${bucket.urn}: bad thing`);
  });

  it("fails when an async rule rejects, and when a stack rule throws", async () => {
    await expect(evaluatePlan(small, [rule("async", async () => Promise.reject(new Error("later")))])).rejects.toThrow(/rule 'async'.*failed on resource .*: later/);
    await expect(evaluatePlan(small, [stackRule("st", () => { throw new Error("x"); })])).rejects.toThrow("rule 'st' (pack phiguard@v0.0.0) failed on stack clinic/dev: x");
  });

  it("rejects malformed rules and overrides up front", async () => {
    const bad = [
      [{ ...rule("a", () => undefined), hipaa: [] }, /rule 'a': hipaa must be a non-empty array/],
      [{ ...rule("a", () => undefined), remediation: "" }, /rule 'a': remediation must be a non-empty string/],
      [{ ...meta, name: "a", description: "" }, /neither validateResource nor validateStack/],
      [rule("all", () => undefined), /reserved/],
    ] as const;
    for (const [policy, message] of bad) await expect(evaluatePlan(small, [policy as PhiguardPolicy])).rejects.toThrow(message);
    await expect(evaluatePlan(small, [rule("a", () => undefined), rule("a", () => undefined)])).rejects.toThrow(/defined twice/);
    await expect(evaluatePlan(small, [rule("a", () => undefined)], { enforcement: { typo: "disabled" } })).rejects.toThrow(/names rule 'typo'/);
    await expect(
      evaluatePlan(small, [rule("a", () => undefined)], { enforcement: { a: "strict" as "mandatory" } }),
    ).rejects.toThrow(/enforcement level 'strict'/);
  });

  it("names the resource when a plan value is malformed", async () => {
    const broken = plan([resource({ type: "aws:lambda/function:Function", name: "f", props: { code: { "@phiguard": "asset" } } })]);
    await expect(evaluatePlan(broken, [rule("r", () => undefined)])).rejects.toThrow(/resource urn:pulumi:dev::clinic::aws:lambda\/function:Function::f: invalid asset/);
  });
});

describe("evaluatePlan: enforcement", () => {
  const always = (name: string, extra: Partial<PhiguardResourcePolicy> = {}) =>
    rule(name, (args, report) => { if (args.type === bucket.type) report("bad"); }, extra);

  it("never runs a disabled rule", async () => {
    let calls = 0;
    const counted = rule("counted", () => { calls += 1; }, { enforcementLevel: "disabled" });
    const stackCounted = stackRule("stack-counted", () => { calls += 1; });
    const result = await evaluatePlan(small, [counted, stackCounted], { enforcement: { "stack-counted": "disabled" } });
    expect(calls).toBe(0);
    expect(result).toEqual({ findings: [], notApplicable: [], evaluated: [] });
  });

  it("takes the override, then the policy config's level, then 'all', then the rule's, then the pack's", async () => {
    const policies = [always("a", { enforcementLevel: "mandatory" }), always("b"), always("c", { enforcementLevel: "remediate" }), always("d")];
    const levels = async (options: Parameters<typeof evaluatePlan>[2]) =>
      Object.fromEntries((await evaluatePlan(small, policies, options)).findings.map((f) => [f.ruleId, f.level]));
    expect(await levels({})).toEqual({ a: "mandatory", b: "advisory", c: "mandatory", d: "advisory" });
    expect(await levels({ packEnforcementLevel: "mandatory" })).toEqual({ a: "mandatory", b: "mandatory", c: "mandatory", d: "mandatory" });
    expect(await levels({ enforcement: { a: "advisory", d: "remediate" } })).toEqual({ a: "advisory", b: "advisory", c: "mandatory", d: "mandatory" });
    expect(await levels({ enforcement: { all: "advisory", b: "mandatory" }, policyConfig: { c: { enforcementLevel: "disabled" } } })).toEqual({
      a: "advisory",
      b: "mandatory",
      d: "advisory",
    });
    expect(await levels({ enforcement: { a: "advisory" }, policyConfig: { a: { enforcementLevel: "disabled" } } })).toEqual({
      a: "advisory",
      b: "advisory",
      c: "mandatory",
      d: "advisory",
    });
  });

  it("gives getConfig the schema defaults overlaid with policy config, without enforcementLevel", async () => {
    const seen: unknown[] = [];
    const r = rule("cfg", (args) => { if (args.type === key.type) seen.push(args.getConfig()); }, {
      configSchema: { properties: { days: { type: "number", default: 30 }, names: { type: "array" } } },
    });
    await evaluatePlan(small, [r]);
    await evaluatePlan(small, [r], { policyConfig: { cfg: { enforcementLevel: "mandatory", names: ["x"] } } });
    expect(seen).toEqual([{ days: 30 }, { days: 30, names: ["x"] }]);
  });
});

describe("evaluatePlan: dispatch, notApplicable and evaluated pairs", () => {
  it("calls a rule only on its resourceTypes and records what it checked", async () => {
    const seen: string[] = [];
    const r = rule("typed-list", (args) => { seen.push(args.name); }, { resourceTypes: [bucket.type, db.type] });
    const { evaluated, notApplicable } = await evaluatePlan(small, [r]);
    expect(seen).toEqual(["b", "db"]);
    expect(evaluated).toEqual([
      { ruleId: "typed-list", urn: bucket.urn },
      { ruleId: "typed-list", urn: db.urn },
    ].sort((x, y) => (x.urn < y.urn ? -1 : 1)));
    expect(notApplicable).toEqual([]);
  });

  it("honours validateResourceOfType's type like the server: not applicable elsewhere, never called", async () => {
    const seen: string[] = [];
    const r = rule("typed", validateResourceOfType(aws.kms.Key, (_k, args) => { seen.push(args.name); }));
    const { evaluated, notApplicable } = await evaluatePlan(small, [r]);
    expect(seen).toEqual(["k"]);
    expect(evaluated).toEqual([{ ruleId: "typed", urn: key.urn }]);
    expect(notApplicable.map((n) => n.urn)).toEqual([stack.urn, bucket.urn, db.urn].sort());
    expect(new Set(notApplicable.map((n) => n.reason))).toEqual(new Set(["Policy only applies to resources of type 'aws:kms/key:Key'"]));
  });

  it("records args.notApplicable() with its reason and leaves the pair out of evaluated", async () => {
    const r = rule("na", (args) => {
      if (args.type === bucket.type) args.notApplicable("buckets are checked elsewhere");
      if (args.type === key.type) args.notApplicable();
    });
    const { evaluated, notApplicable } = await evaluatePlan(small, [r]);
    expect(notApplicable).toEqual([
      { ruleId: "na", urn: key.urn, reason: "" },
      { ruleId: "na", urn: bucket.urn, reason: "buckets are checked elsewhere" },
    ]);
    expect(evaluated.map((e) => e.urn)).toEqual([stack.urn, db.urn].sort());
  });

  it("records a stack rule once, or per resource of its resourceTypes", async () => {
    const plain = stackRule("plain", () => undefined);
    const typed = stackRule("typed-stack", () => undefined, { resourceTypes: [key.type] });
    const na = stackRule("na-stack", (args) => args.notApplicable("not here"));
    const result = await evaluatePlan(small, [plain, typed, na]);
    expect(result.evaluated).toEqual([{ ruleId: "plain" }, { ruleId: "typed-stack", urn: key.urn }]);
    expect(result.notApplicable).toEqual([{ ruleId: "na-stack", reason: "not here" }]);
  });

  it("gives each call its own props, so one rule's mutation cannot pass another", async () => {
    const mutate = rule("a-mutate", (args) => { (args.props as Record<string, unknown>).enableKeyRotation = true; });
    const check = rule("b-check", (args, report) => { if (args.props.enableKeyRotation === false) report("off"); });
    const { findings } = await evaluatePlan(small, [mutate, check]);
    expect(findings.map((f) => [f.ruleId, f.urn])).toEqual([["b-check", key.urn]]);
  });

  it("links stack resources to parent, dependency and property dependency objects", async () => {
    let linked: unknown;
    await evaluatePlan(small, [
      stackRule("links", (args) => {
        const d = args.resources.find((r) => r.name === "db");
        linked = [d?.parent?.name, d?.dependencies.map((x) => x.name), d?.propertyDependencies.kmsKeyId?.[0] === args.resources[1]];
      }),
    ]);
    expect(linked).toEqual(["clinic-dev", ["k"], true]);
  });
});

describe("evaluatePlan: remote components and ordering", () => {
  it("emits a not-visible advisory for every remote component", async () => {
    const { findings } = await evaluatePlan(clinicPlan(), []);
    expect(findings).toEqual([
      {
        ruleId: REMOTE_COMPONENT_RULE_ID,
        level: "advisory",
        kind: "not-visible",
        urn: "urn:pulumi:dev::clinic::awsx:ec2:Vpc::clinic-vpc",
        resourceType: "awsx:ec2:Vpc",
        resourceName: "clinic-vpc",
        message: "children not visible offline; gate on a real preview with `--plan`",
        hipaa: [],
        remediation: expect.stringContaining("--plan"),
      },
    ]);
    expect((await evaluatePlan(clinicPlan(), [], { enforcement: { [REMOTE_COMPONENT_RULE_ID]: "disabled" } })).findings).toEqual([]);
  });

  it("returns the same sorted result whatever the order of rules and resources", async () => {
    const policies = [
      rule("z", (args, report) => { report(`z ${args.name}`); }),
      rule("a", (args, report) => { report("second"); report("first"); void args.props.policy; }),
      stackRule("m", (args, report) => { for (const r of args.resources) report("stack", r.urn); report("whole stack"); }),
    ];
    const forward = await evaluatePlan(small, policies);
    const reversed = await evaluatePlan({ ...small, resources: [...small.resources].reverse() }, [...policies].reverse());
    expect(reversed).toEqual(forward);
    const keys = forward.findings.map((f) => [f.ruleId, f.urn ?? "", f.message]);
    expect(keys).toEqual([...keys].sort((x, y) => (x.join("\u0000") < y.join("\u0000") ? -1 : 1)));
    expect(forward.findings[0]?.ruleId).toBe("a");
  });
});

describe("evaluatePlan: scale", () => {
  it("dispatches by type on a 5,000-resource plan", async () => {
    const resources = [stack];
    for (let i = 0; i < 5000; i++) {
      const type = ["aws:s3/bucket:Bucket", "aws:kms/key:Key", "aws:iam/role:Role", "aws:ec2/subnet:Subnet"][i % 4] as string;
      resources.push(resource({ type, name: `r${i}`, parent: stack, props: { tags: { n: String(i) }, arn: UNKNOWN, nested: { a: [1, 2, { b: "c" }] } } }));
    }
    const big = plan(resources);
    let calls = 0;
    const policies: PhiguardPolicy[] = [];
    for (let i = 0; i < 40; i++) {
      policies.push(rule(`r${i}`, (args, report) => { calls += 1; if (args.props.tags.n === "7") report("seven"); }, { resourceTypes: ["aws:kms/key:Key"] }));
    }
    policies.push(stackRule("stack", (args) => void args.resources.length));
    const result = await evaluatePlan(big, policies);
    // Each rule is called on its type only (its speed is measured in bench/, not asserted here).
    expect(calls).toBe(40 * 1250);
    expect(result.evaluated).toHaveLength(40 * 1250 + 1);
  });
});
