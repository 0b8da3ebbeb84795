/**
 * A hand-made check result for the reporter tests: every verdict (mandatory, advisory, waived,
 * unverifiable, a stack-level finding), two regions and a global resource, components, and resource
 * names that try to inject HTML/Markdown/XML. Deterministic, independent of the pack's rules.
 */
import * as path from "node:path";
import type { CheckResult } from "../../cli/check";
import type { Plan, PlannedResource } from "../../cli/plan";
import { DEFAULT_OPTIONS, PLAN_SCHEMA_VERSION } from "../../cli/plan";
import type { StackCheck } from "../../cli/reporters";
import type { PhiguardPolicy } from "../../policies/engine";
import type { ReportedFinding } from "../../policies/engine/waivers";

export const FIXTURE_PROJECT_DIR = path.join(__dirname, "fixtures", "project");
const INDEX_TS = path.join(FIXTURE_PROJECT_DIR, "index.ts");
export const EVIL_NAME = `<img src=x onerror="alert('pwned')">|**bold**|\`tick\``;

const urn = (stack: string, parents: string[], type: string, name: string) =>
  `urn:pulumi:${stack}::clinic::${[...parents, type].join("$")}::${name}`;

function resource(
  stack: string,
  r: Partial<PlannedResource> & { type: string; name: string; parents?: string[] },
): PlannedResource {
  const { parents = [], ...rest } = r;
  return {
    urn: urn(stack, parents, r.type, r.name),
    custom: true,
    dependencies: [],
    propertyDependencies: {},
    props: {},
    options: DEFAULT_OPTIONS,
    ...rest,
  };
}

export function fixturePlan(stack = "prod"): Plan {
  const root = resource(stack, { type: "pulumi:pulumi:Stack", name: `clinic-${stack}`, custom: false });
  const keyComp = resource(stack, {
    type: "phiguard:keys:EnvelopeKey",
    name: "phi",
    custom: false,
    parent: root.urn,
    source: { file: INDEX_TS, line: 4, column: 13 },
  });
  const key = resource(stack, {
    type: "aws:kms/key:Key",
    name: "phi-key-us-east-1",
    parents: ["phiguard:keys:EnvelopeKey"],
    parent: keyComp.urn,
    region: "us-east-1",
    source: { file: "/nonexistent/phiguard/components/keys/envelopeKey.ts", line: 210, column: 7 },
  });
  const replicaKey = resource(stack, {
    type: "aws:kms/replicaKey:ReplicaKey",
    name: "phi-replica-us-west-2",
    parents: ["phiguard:keys:EnvelopeKey"],
    parent: keyComp.urn,
    region: "us-west-2",
    dependencies: [key.urn],
    propertyDependencies: { primaryKeyArn: [key.urn] },
  });
  const bucketComp = resource(stack, {
    type: "phiguard:storage:PhiBucket",
    name: "records",
    custom: false,
    parent: root.urn,
    dependencies: [keyComp.urn],
    source: { file: INDEX_TS, line: 5, column: 17 },
  });
  const bucket = resource(stack, {
    type: "aws:s3/bucket:Bucket",
    name: "records-bucket",
    parents: ["phiguard:storage:PhiBucket"],
    parent: bucketComp.urn,
    region: "us-east-1",
  });
  const sse = resource(stack, {
    type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    name: "records-sse",
    parents: ["phiguard:storage:PhiBucket"],
    parent: bucketComp.urn,
    region: "us-east-1",
    dependencies: [bucket.urn, key.urn],
    propertyDependencies: { bucket: [bucket.urn], rules: [key.urn] },
  });
  const replica = resource(stack, {
    type: "aws:s3/bucket:Bucket",
    name: "records-replica-bucket",
    parents: ["phiguard:storage:PhiBucket"],
    parent: bucketComp.urn,
    region: "us-west-2",
    dependencies: [replicaKey.urn],
  });
  const vpc = resource(stack, { type: "aws:ec2/vpc:Vpc", name: "main", parent: root.urn, region: "us-east-1", source: { file: INDEX_TS, line: 6, column: 1 } });
  const evil = resource(stack, { type: "aws:s3/bucket:Bucket", name: EVIL_NAME, parent: root.urn, region: "us-east-1" });
  const pod = resource(stack, { type: "kubernetes:core/v1:Pod", name: "debug", parent: root.urn });
  return {
    schemaVersion: PLAN_SCHEMA_VERSION,
    source: "program",
    project: "clinic",
    stack,
    config: { "aws:region": "us-east-1" },
    stackTags: { owner: "clinical-platform" },
    resources: [root, keyComp, key, replicaKey, bucketComp, bucket, sse, replica, vpc, evil, pod],
    diagnostics: [],
  };
}

const noop = () => {};

/** Rules with the metadata reporters read; they are never run. */
export const FIXTURE_POLICIES: PhiguardPolicy[] = [
  {
    name: "kms-key-rotation-enabled",
    description: "KMS keys rotate their key material. Rotation limits what one leaked key can decrypt.",
    enforcementLevel: "mandatory",
    hipaa: ["164.312(a)(2)(iv)"],
    remediation: "Set `enableKeyRotation: true`, or use the `EnvelopeKey` component.",
    controls: { awsConfig: ["CMK_BACKING_KEY_ROTATION_ENABLED"], cdkNag: ["HIPAA.Security-KMSBackingKeyRotationEnabled"] },
    validateResource: noop,
  },
  {
    name: "s3-bucket-encrypted-with-kms",
    description: "S3 buckets are encrypted with a customer-managed KMS key.",
    enforcementLevel: "mandatory",
    hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"],
    remediation: "Use the `PhiBucket` component, or add an `aws.s3.BucketServerSideEncryptionConfiguration` with `sseAlgorithm: \"aws:kms\"`.",
    controls: { awsConfig: ["S3_DEFAULT_ENCRYPTION_KMS"] },
    validateResource: noop,
  },
  {
    name: "vpc-flow-logs-enabled",
    description: "VPCs have flow logs.",
    enforcementLevel: "advisory",
    hipaa: ["164.312(b)"],
    remediation: "Add an `aws.ec2.FlowLog` for the VPC, or use `MultiRegionNetwork`.",
    validateResource: noop,
  },
  {
    name: "k8s-no-privileged-containers",
    description: "Pods run no privileged containers.",
    enforcementLevel: "mandatory",
    hipaa: ["164.312(a)(1)"],
    remediation: "Remove `privileged: true`.",
    validateResource: noop,
  },
  {
    name: "cloudtrail-multi-region-enabled",
    description: "The stack has a multi-region CloudTrail trail.",
    enforcementLevel: "mandatory",
    hipaa: ["164.312(b)", "164.308(a)(1)(ii)(D)"],
    remediation: "Add an `AuditTrail` component.",
    validateStack: noop,
  },
];

export function fixtureResult(stack = "prod"): CheckResult {
  const plan = fixturePlan(stack);
  const byName = (name: string) => plan.resources.find((r) => r.name === name)!;
  const on = (name: string) => {
    const r = byName(name);
    return { urn: r.urn, resourceType: r.type, resourceName: r.name };
  };
  const findings: ReportedFinding[] = [
    {
      ruleId: "cloudtrail-multi-region-enabled",
      level: "mandatory",
      kind: "violation",
      message: "no aws.cloudtrail.Trail with isMultiRegionTrail: true in the stack.",
      hipaa: ["164.312(b)", "164.308(a)(1)(ii)(D)"],
      remediation: "Add an `AuditTrail` component.",
    },
    {
      ruleId: "kms-key-rotation-enabled",
      level: "advisory",
      kind: "unverifiable",
      ...on("phi-key-us-east-1"),
      message: "cannot be verified before deploy: props.enableKeyRotation",
      hipaa: ["164.312(a)(2)(iv)"],
      remediation: "Set `enableKeyRotation: true`, or use the `EnvelopeKey` component.",
    },
    {
      ruleId: "k8s-no-privileged-containers",
      level: "mandatory",
      kind: "violation",
      ...on("debug"),
      message: "container 'shell' is privileged.\n\nA privileged container can reach the node and every PHI volume on it.",
      hipaa: ["164.312(a)(1)"],
      remediation: "Remove `privileged: true`.",
    },
    {
      ruleId: "s3-bucket-encrypted-with-kms",
      level: "mandatory",
      kind: "violation",
      ...on("records-replica-bucket"),
      message: "no aws.s3.BucketServerSideEncryptionConfiguration with aws:kms belongs to this bucket.",
      hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"],
      remediation: "Use the `PhiBucket` component, or add an `aws.s3.BucketServerSideEncryptionConfiguration` with `sseAlgorithm: \"aws:kms\"`.",
    },
    {
      ruleId: "s3-bucket-encrypted-with-kms",
      level: "mandatory",
      kind: "violation",
      ...on(EVIL_NAME),
      message: `bucket ${EVIL_NAME} </script><script>alert(1)</script> is not encrypted.`,
      hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"],
      remediation: "Use the `PhiBucket` component.",
      waiver: {
        rule: "s3-bucket-encrypted-with-kms",
        resource: "<img*",
        reason: "Legacy export bucket <b>scheduled</b> for deletion in Q3; holds no PHI since 2024.",
        approver: "Dana Smith (CISO) & \"Security\"",
        expires: "2099-12-31",
      },
    },
    {
      ruleId: "vpc-flow-logs-enabled",
      level: "advisory",
      kind: "violation",
      ...on("main"),
      message: "the VPC has no flow log.",
      hipaa: ["164.312(b)"],
      remediation: "Add an `aws.ec2.FlowLog` for the VPC, or use `MultiRegionNetwork`.",
    },
  ];
  const evaluated = [
    { ruleId: "cloudtrail-multi-region-enabled" },
    { ruleId: "k8s-no-privileged-containers", urn: byName("debug").urn },
    { ruleId: "kms-key-rotation-enabled", urn: byName("phi-key-us-east-1").urn },
    { ruleId: "kms-key-rotation-enabled", urn: byName("phi-replica-us-west-2").urn },
    { ruleId: "s3-bucket-encrypted-with-kms", urn: byName("records-bucket").urn },
    { ruleId: "s3-bucket-encrypted-with-kms", urn: byName("records-replica-bucket").urn },
    { ruleId: "s3-bucket-encrypted-with-kms", urn: byName(EVIL_NAME).urn },
    { ruleId: "vpc-flow-logs-enabled", urn: byName("main").urn },
  ];
  return {
    plan,
    policies: FIXTURE_POLICIES,
    evaluation: { findings, notApplicable: [], evaluated },
    findings,
    config: {},
    passed: false,
  };
}

export function fixtureChecks(stacks: readonly string[] = ["prod"]): StackCheck[] {
  return stacks.map((s) => ({ result: fixtureResult(s), projectDir: FIXTURE_PROJECT_DIR }));
}

/** A check that passed: no findings. */
export function passingCheck(): StackCheck {
  const plan = fixturePlan("dev");
  return {
    result: {
      plan,
      policies: FIXTURE_POLICIES,
      evaluation: { findings: [], notApplicable: [], evaluated: [{ ruleId: "cloudtrail-multi-region-enabled" }] },
      findings: [],
      config: {},
      passed: true,
    },
    projectDir: FIXTURE_PROJECT_DIR,
  };
}
