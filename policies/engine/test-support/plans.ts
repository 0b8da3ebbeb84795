/**
 * Hand-built Plans for the engine's tests, shaped like what the offline planner records for a small
 * clinical workload (stack root, explicit providers, a component with a KMS key and a bucket, ...).
 */
import {
  DEFAULT_OPTIONS,
  PLAN_SCHEMA_VERSION,
  SECRET,
  UNKNOWN,
  type Plan,
  type PlannedResource,
  type Props,
  type ResourceOptions,
} from "../../../cli/plan";

export const PROJECT = "clinic";
export const STACK = "dev";

export interface ResourceSpec {
  type: string;
  name: string;
  parent?: PlannedResource;
  custom?: boolean;
  remote?: boolean;
  provider?: PlannedResource;
  props?: Props;
  dependsOn?: PlannedResource[];
  propertyDependencies?: Record<string, PlannedResource[]>;
  options?: Partial<ResourceOptions>;
  region?: string;
}

/** The URN Pulumi gives a resource: parent types joined with `$` (the stack root's excepted). */
export function urnOf(type: string, name: string, parent?: PlannedResource): string {
  let qualified = type;
  if (parent && parent.type !== "pulumi:pulumi:Stack") {
    const parentQualified = parent.urn.split("::")[2] as string;
    qualified = `${parentQualified}$${type}`;
  }
  return `urn:pulumi:${STACK}::${PROJECT}::${qualified}::${name}`;
}

export function resource(spec: ResourceSpec): PlannedResource {
  const propertyDependencies: Record<string, string[]> = {};
  const deps = new Set<string>((spec.dependsOn ?? []).map((d) => d.urn));
  for (const [key, sources] of Object.entries(spec.propertyDependencies ?? {})) {
    propertyDependencies[key] = sources.map((s) => s.urn);
    for (const s of sources) deps.add(s.urn);
  }
  return {
    urn: urnOf(spec.type, spec.name, spec.parent),
    type: spec.type,
    name: spec.name,
    custom: spec.custom ?? !spec.type.startsWith("phiguard:"),
    ...(spec.remote ? { remote: true } : {}),
    ...(spec.parent ? { parent: spec.parent.urn } : {}),
    ...(spec.provider ? { provider: spec.provider.urn } : {}),
    dependencies: [...deps],
    propertyDependencies,
    props: spec.props ?? {},
    options: { ...DEFAULT_OPTIONS, ...spec.options },
    ...(spec.region ? { region: spec.region } : {}),
  };
}

export function plan(resources: PlannedResource[], stackTags: Record<string, string> = {}): Plan {
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    source: "program",
    project: PROJECT,
    stack: STACK,
    config: { "aws:region": "us-east-1" },
    stackTags,
    resources,
    diagnostics: [],
  };
}

/** A small but complete workload: every kind of value and relation the engine must carry. */
export function clinicPlan(stackTags: Record<string, string> = { env: "dev", owner: "platform" }): Plan {
  const stack = resource({ type: "pulumi:pulumi:Stack", name: `${PROJECT}-${STACK}`, custom: false });
  const east = resource({
    type: "pulumi:providers:aws",
    name: "us-east-1",
    parent: stack,
    props: { region: "us-east-1", version: "7.48.0", defaultTags: { tags: { DataClass: "phi" } } },
  });
  const replica = resource({
    type: "pulumi:providers:aws",
    name: "replica",
    parent: stack,
    props: { region: UNKNOWN, version: "7.48.0" },
  });
  const store = resource({ type: "phiguard:storage:PhiBucket", name: "records", parent: stack, custom: false });
  const key = resource({
    type: "aws:kms/key:Key",
    name: "records-key",
    parent: store,
    provider: east,
    region: "us-east-1",
    props: { description: "records envelope key", enableKeyRotation: true, deletionWindowInDays: 30, policy: UNKNOWN },
  });
  const bucket = resource({
    type: "aws:s3/bucket:Bucket",
    name: "records",
    parent: store,
    provider: east,
    region: "us-east-1",
    props: { bucket: "clinic-records-dev", forceDestroy: false, tags: { DataClass: "phi", Environment: "dev" } },
    options: { protect: true, ignoreChanges: ["tags"], deleteBeforeReplace: true },
  });
  const sse = resource({
    type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    name: "records-sse",
    parent: store,
    provider: east,
    props: {
      bucket: UNKNOWN,
      rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: UNKNOWN }, bucketKeyEnabled: true }],
    },
    propertyDependencies: { bucket: [bucket], rules: [key] },
  });
  const pab = resource({
    type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    name: "records-pab",
    parent: store,
    provider: east,
    props: { bucket: UNKNOWN, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: false, restrictPublicBuckets: true },
    propertyDependencies: { bucket: [bucket] },
  });
  const logs = resource({
    type: "aws:s3/bucket:Bucket",
    name: "access-logs",
    parent: stack,
    provider: replica,
    props: { bucket: "clinic-logs-dev" },
    dependsOn: [bucket],
    options: {
      customTimeouts: { create: "10m", delete: "1h" },
      aliases: ["urn:pulumi:dev::clinic::aws:s3/bucketV2:BucketV2::access-logs"],
      additionalSecretOutputs: ["bucketDomainName"],
      retainOnDelete: true,
    },
  });
  const db = resource({
    type: "aws:rds/instance:Instance",
    name: "ehr-db",
    parent: stack,
    props: {
      engine: "postgres",
      instanceClass: "db.t4g.medium",
      allocatedStorage: 50,
      storageEncrypted: false,
      kmsKeyId: UNKNOWN,
      password: SECRET,
      backupRetentionPeriod: 35,
      deletionProtection: true,
      tags: [UNKNOWN],
    },
    propertyDependencies: { kmsKeyId: [key] },
  });
  const fn = resource({
    type: "aws:lambda/function:Function",
    name: "ingest",
    parent: stack,
    props: {
      runtime: "nodejs20.x",
      handler: "index.handler",
      role: UNKNOWN,
      code: {
        "@phiguard": "archive",
        assets: { "index.js": { "@phiguard": "asset", text: "exports.handler = async () => 1;" } },
      },
      environment: { variables: { TABLE: "patients", API_TOKEN: SECRET } },
    },
  });
  const object = resource({
    type: "aws:s3/bucketObjectv2:BucketObjectv2",
    name: "consent-template",
    parent: store,
    provider: east,
    props: { bucket: UNKNOWN, key: "templates/consent.pdf", source: { "@phiguard": "asset", path: "./assets/consent.pdf" } },
    propertyDependencies: { bucket: [bucket] },
  });
  const vpc = resource({ type: "awsx:ec2:Vpc", name: "clinic-vpc", parent: stack, custom: false, remote: true, props: { cidrBlock: "10.0.0.0/16" } });
  return plan([stack, east, replica, store, key, bucket, sse, pab, logs, db, fn, object, vpc], stackTags);
}
