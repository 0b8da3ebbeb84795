import { describe, expect, test } from "vitest";
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO_ROOT, planTestProgram, writeTestProgram } from "../../test/support/plan";
import { planProgram } from "./plan-program";
import { PhiguardError } from "../errors";
import { SECRET, UNKNOWN, type Plan, type PlannedResource } from "../plan";

const STACK = "urn:pulumi:test::test::pulumi:pulumi:Stack::test-test";

function byName(plan: Plan, name: string): PlannedResource {
  const found = plan.resources.find((r) => r.name === name);
  if (!found) throw new Error(`no resource named ${name} in ${plan.resources.map((r) => r.name).join(", ")}`);
  return found;
}

const GRAPH_PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";

class Store extends pulumi.ComponentResource {
  readonly bucket: aws.s3.Bucket;
  constructor(name: string, key: aws.kms.Key, opts?: pulumi.ComponentResourceOptions) {
    super("acme:storage:Store", name, {}, opts);
    const inner = new Inner(\`\${name}-inner\`, { parent: this });
    this.bucket = new aws.s3.Bucket(\`\${name}-bucket\`, { forceDestroy: false }, { parent: inner });
    new aws.s3.BucketServerSideEncryptionConfiguration(\`\${name}-sse\`, {
      bucket: this.bucket.id,
      rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn }, bucketKeyEnabled: true }],
    }, { parent: this });
    this.registerOutputs({});
  }
}
class Inner extends pulumi.ComponentResource {
  constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
    super("acme:storage:Inner", name, {}, opts);
  }
}

const west = new aws.Provider("west", { region: "us-west-2" });
const key = new aws.kms.Key("key", { enableKeyRotation: true, deletionWindowInDays: 30 }, { protect: true });
const store = new Store("docs", key);
const replica = new aws.s3.Bucket("replica", {}, { provider: west, dependsOn: [store], ignoreChanges: ["tags"] });
const cluster = new k8s.Provider("cluster", { kubeconfig: key.arn });
new k8s.core.v1.Namespace("apps", { metadata: { name: "apps" } }, { provider: cluster });
new k8s.apps.v1.Deployment("api", {
  metadata: { namespace: "apps" },
  spec: {
    selector: { matchLabels: { app: "api" } },
    template: { metadata: { labels: { app: "api" } }, spec: { containers: [{ name: "api", image: replica.bucket }] } },
  },
}, { provider: cluster });
`;

describe("planProgram: the resource graph", () => {
  let plan: Plan;

  test("captures parents, dependencies, property dependencies, providers and unknowns exactly", async () => {
    plan = await planTestProgram(GRAPH_PROGRAM);
    const urns = plan.resources.map((r) => r.urn);
    // Registration order is a dependency order: parents and dependencies come first.
    plan.resources.forEach((r, i) => {
      for (const dep of [r.parent, ...r.dependencies].filter(Boolean)) expect(urns.indexOf(dep as string)).toBeLessThan(i);
    });
    expect([...urns].sort()).toEqual([
      STACK,
      "urn:pulumi:test::test::pulumi:providers:aws::west",
      "urn:pulumi:test::test::aws:kms/key:Key::key",
      "urn:pulumi:test::test::acme:storage:Store::docs",
      "urn:pulumi:test::test::acme:storage:Store$acme:storage:Inner::docs-inner",
      "urn:pulumi:test::test::acme:storage:Store$acme:storage:Inner$aws:s3/bucket:Bucket::docs-bucket",
      "urn:pulumi:test::test::acme:storage:Store$aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration::docs-sse",
      "urn:pulumi:test::test::aws:s3/bucket:Bucket::replica",
      "urn:pulumi:test::test::pulumi:providers:kubernetes::cluster",
      "urn:pulumi:test::test::kubernetes:core/v1:Namespace::apps",
      "urn:pulumi:test::test::kubernetes:apps/v1:Deployment::api",
    ].sort());

    const stack = byName(plan, "test-test");
    expect(stack.parent).toBeUndefined();
    expect(stack.custom).toBe(false);

    // Parent chain: bucket -> inner -> store -> stack.
    const bucket = byName(plan, "docs-bucket");
    const inner = byName(plan, "docs-inner");
    const store = byName(plan, "docs");
    expect(bucket.parent).toBe(inner.urn);
    expect(inner.parent).toBe(store.urn);
    expect(store.parent).toBe(STACK);
    expect(store.custom).toBe(false);
    expect(bucket.custom).toBe(true);

    // An input fed by another resource's output is unknown, and its property dependency names the source.
    const sse = byName(plan, "docs-sse");
    expect(sse.props).toEqual({
      bucket: UNKNOWN,
      rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: UNKNOWN }, bucketKeyEnabled: true }],
    });
    expect(sse.propertyDependencies).toEqual({ bucket: [bucket.urn], rules: [byName(plan, "key").urn] });
    expect([...sse.dependencies].sort()).toEqual([bucket.urn, byName(plan, "key").urn].sort());

    // Explicit dependsOn on a component, an explicit provider, options.
    const replica = byName(plan, "replica");
    expect(replica.provider).toBe("urn:pulumi:test::test::pulumi:providers:aws::west");
    expect(replica.region).toBe("us-west-2");
    // As in the SDK, depending on a component means depending on the custom resources inside it.
    expect([...replica.dependencies].sort()).toEqual([bucket.urn, sse.urn].sort());
    expect(replica.options.ignoreChanges).toEqual(["tags"]);
    expect(byName(plan, "key").options.protect).toBe(true);
    expect(byName(plan, "key").region).toBe("us-east-1");
    expect(byName(plan, "key").props).toEqual({ enableKeyRotation: true, deletionWindowInDays: 30 });

    // Kubernetes resources reference their provider; an unknown image stays unknown.
    const deployment = byName(plan, "api");
    expect(deployment.provider).toBe("urn:pulumi:test::test::pulumi:providers:kubernetes::cluster");
    expect(deployment.region).toBeUndefined();
    const containers = (deployment.props as any).spec.template.spec.containers;
    expect(containers[0].image).toEqual(UNKNOWN);
    expect(deployment.propertyDependencies.spec).toEqual([replica.urn]);
    expect(byName(plan, "cluster").props.kubeconfig).toEqual(UNKNOWN);
  });

  test("records the program file that declared each resource", () => {
    // (Line numbers are source-mapped in the CLI; vitest installs its own stack formatting.)
    const file = byName(plan, "key").source?.file ?? "";
    expect(file.startsWith(path.join(REPO_ROOT, ".phiguard-test") + path.sep)).toBe(true);
    expect(file).toMatch(/index\.ts$/);
  });

  test("is deterministic: planning the same program twice gives the same plan", async () => {
    const again = await planTestProgram(GRAPH_PROGRAM);
    const strip = (p: Plan) => JSON.parse(JSON.stringify(p.resources, (k, v) => (k === "source" ? undefined : v)));
    expect(strip(again)).toEqual(strip(plan));
  });
});

describe("planProgram: config", () => {
  test("reads namespaced keys, objects and secure values, marking secrets", async () => {
    const plan = await planTestProgram(
      `
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
const cfg = new pulumi.Config();
const tags = cfg.requireObject<Record<string, string>>("tags");
new aws.s3.Bucket("b", { tags: { ...tags, env: cfg.require("env") } });
new aws.secretsmanager.SecretVersion("pw", { secretId: "x", secretString: cfg.requireSecret("password") });
`,
      { config: { env: "prod", tags: { team: "imaging" }, password: { secure: "v1:AAAABBBB" } } },
    );
    expect(byName(plan, "b").props.tags).toEqual({ team: "imaging", env: "prod" });
    expect(byName(plan, "pw").props.secretString).toEqual(SECRET);
    expect(plan.config["test:password"]).toEqual(SECRET);
    expect(plan.config["test:env"]).toBe("prod");
    expect(plan.config["aws:region"]).toBe("us-east-1");
    expect(JSON.stringify(plan)).not.toContain("v1:AAAABBBB");
    expect(JSON.stringify(plan)).not.toContain("phiguard-offline-secret");
  });

  test("a missing required config key is an error naming the key", async () => {
    const run = planTestProgram(`import * as pulumi from "@pulumi/pulumi"; new pulumi.Config().require("dbName");`);
    await expect(run).rejects.toThrow(PhiguardError);
    await expect(run).rejects.toThrow(/test:dbName/);
  });
});

describe("planProgram: invokes", () => {
  test("answers the common invokes per region, through the invoke's provider", async () => {
    const plan = await planTestProgram(`
import * as aws from "@pulumi/aws";
const west = new aws.Provider("west", { region: "eu-west-1" });
const azs = aws.getAvailabilityZonesOutput({ state: "available" }, { provider: west });
const me = aws.getCallerIdentityOutput({});
const partition = aws.getPartitionOutput({});
const doc = aws.iam.getPolicyDocumentOutput({ statements: [{ actions: ["s3:GetObject"], resources: ["*"], principals: [{ type: "AWS", identifiers: [me.accountId] }] }] });
new aws.s3.Bucket("b", { tags: { az0: azs.names[0], azs: azs.names.apply((n) => n.join(",")), account: me.accountId, partition: partition.partition } });
new aws.iam.Policy("p", { policy: doc.json });
`);
    expect(byName(plan, "b").props.tags).toEqual({
      az0: "eu-west-1a",
      azs: "eu-west-1a,eu-west-1b,eu-west-1c",
      account: "123456789012",
      partition: "aws",
    });
    const policy = JSON.parse(byName(plan, "p").props.policy as string);
    expect(policy).toEqual({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*", Principal: { AWS: "123456789012" } }],
    });
  });

  test("an invoke with no answer is an error naming the token; phiguard.yaml answers can supply it", async () => {
    const source = `
import * as aws from "@pulumi/aws";
const ami = aws.ec2.getAmiOutput({ mostRecent: true, owners: ["amazon"] });
new aws.ec2.LaunchTemplate("lt", { imageId: ami.id });
`;
    await expect(planTestProgram(source)).rejects.toThrow(/invoke aws:ec2\/getAmi:getAmi: no offline answer/);
    const plan = await planTestProgram(source, { invokes: { "aws:ec2/getAmi:getAmi": { id: "ami-0abc" } } });
    expect(byName(plan, "lt").props.imageId).toBe("ami-0abc");
  });
});

describe("planProgram: broken programs", () => {
  test("a program that throws ends in an error with the program's own message", async () => {
    await expect(planTestProgram(`throw new Error("database tier misconfigured");`)).rejects.toThrow(
      /program failed: database tier misconfigured/,
    );
  });

  test("a program that never finishes is reported as hung", async () => {
    await expect(
      planTestProgram(`export = async () => { await new Promise(() => {}); };`, { timeoutMs: 1500 }),
    ).rejects.toThrow(/did not finish within 2 s/);
  });

  test("a missing Pulumi.yaml is an error naming the file", async () => {
    const dir = fs.mkdtempSync(path.join(require("node:os").tmpdir(), "phiguard-empty-"));
    await expect(planProgram({ dir })).rejects.toThrow(/Pulumi\.yaml: not found/);
  });
});

describe("planProgram: remote components", () => {
  test("records multi-language components as remote, with no children", async () => {
    const plan = await planTestProgram(`
import * as pulumi from "@pulumi/pulumi";
class Vpc extends pulumi.ComponentResource {
  constructor(name: string) { super("awsx:ec2:Vpc", name, { cidrBlock: "10.0.0.0/16" }, {}, true); }
}
new Vpc("net");
`);
    const vpc = byName(plan, "net");
    expect(vpc.remote).toBe(true);
    expect(vpc.custom).toBe(false);
    expect(vpc.props).toEqual({ cidrBlock: "10.0.0.0/16" });
  });
});

describe("planProgram: a clean runtime per plan", () => {
  test("module-level state of the program does not leak into the next plan", async () => {
    const dir = writeTestProgram(`
import * as aws from "@pulumi/aws";
const g = globalThis as any;
g.__phiguardRuns = (g.__phiguardRuns ?? 0) + 1;
new aws.s3.Bucket("only-once", {});
`);
    const first = await planProgram({ dir, stack: "test" });
    const second = await planProgram({ dir, stack: "test" });
    expect(first.resources.map((r) => r.urn)).toEqual(second.resources.map((r) => r.urn));
    expect(second.resources.filter((r) => r.name === "only-once")).toHaveLength(1);
    expect((globalThis as any).__phiguardRuns).toBe(2);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe("planProgram: provider behaviour at preview", () => {
  test("Kubernetes objects without metadata.name get a deterministic autoname, known to dependants", async () => {
    const source = `
import * as k8s from "@pulumi/kubernetes";
const ns = new k8s.core.v1.Namespace("clinical", { metadata: { labels: { team: "fhir" } } });
new k8s.core.v1.ConfigMap("settings", { metadata: { namespace: ns.metadata.name }, data: { a: "b" } });
`;
    const first = await planTestProgram(source);
    const second = await planTestProgram(source);
    const name = (byName(first, "clinical").props as any).metadata.name;
    expect(name).toMatch(/^clinical-[0-9a-f]{8}$/);
    expect((byName(first, "settings").props as any).metadata.namespace).toBe(name);
    expect((byName(second, "clinical").props as any).metadata.name).toBe(name);
  });
});

describe("planProgram: transpile cache", () => {
  test("an edited program is planned afresh, not from the cache", async () => {
    const dir = writeTestProgram(`import * as aws from "@pulumi/aws"; new aws.s3.Bucket("before", {});`);
    const first = await planProgram({ dir, stack: "test" });
    fs.writeFileSync(path.join(dir, "index.ts"), `import * as aws from "@pulumi/aws"; new aws.s3.Bucket("after", {});`);
    const second = await planProgram({ dir, stack: "test" });
    expect(first.resources.map((r) => r.name)).toContain("before");
    expect(second.resources.map((r) => r.name)).toContain("after");
    expect(second.resources.map((r) => r.name)).not.toContain("before");
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
