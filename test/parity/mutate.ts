/**
 * Mutations of planned resources for the parity suite: fast-check picks resources of the types the
 * Rego rules read, a place in their props, and what to do there (flip a boolean, drop a key,
 * replace a value by an unknown or secret marker, by null, or by a value rules care about, drop or
 * repeat an array element, forget a property dependency). Both engines must still agree.
 */
import fc from "fast-check";
import { SECRET, UNKNOWN, type Plan, type PlannedResource, type PlanValue, type Props } from "../../cli/plan";

export type MutationOp =
  | "flip"
  | "drop"
  | "unknown"
  | "secret"
  | "null"
  | "replace"
  | "drop-element"
  | "repeat-element"
  | "forget-dependency";

export interface Mutation {
  /** Index into the plan's candidate resources (modulo their number). */
  readonly resource: number;
  /** Index into the resource's props paths (modulo their number). */
  readonly path: number;
  readonly op: MutationOp;
  /** Index into REPLACEMENTS (modulo), for "replace". */
  readonly value: number;
}

/** Values the rules compare against: booleans, names, wildcards, CIDRs, versions, JSON. */
export const REPLACEMENTS: readonly PlanValue[] = [
  true,
  false,
  0,
  1,
  2,
  365,
  "",
  "default",
  "*",
  "ALL",
  "latest",
  "restricted",
  "baseline",
  "internal",
  "LoadBalancer",
  "HTTP",
  "RuntimeDefault",
  "Unconfined",
  "API",
  "CONFIG_MAP",
  "API_AND_CONFIG_MAP",
  "vpc-cni",
  "secrets",
  "0.0.0.0/0",
  "10.0.0.0/8",
  "::/0",
  "igw-0123456789abcdef0",
  "1.24",
  "1.31",
  "required",
  "optional",
  "disabled",
  "true",
  '{"enableNetworkPolicy":"true"}',
  "{not json",
  "nginx:1.25",
  "app@sha256:" + "b".repeat(64),
  [],
  ["*"],
  {},
  { nested: UNKNOWN },
  "phi",
  7,
  15,
  35,
  "PAY_PER_REQUEST",
  "PROVISIONED",
  "AUDIT_LOGS",
  "ES_APPLICATION_LOGS",
  "Policy-Min-TLS-1-2-2019-07",
  "Policy-Min-TLS-1-0-2019-07",
  "KMS",
  "NONE",
  "alias/aws/rds",
  "preferred",
  "cloudwatch",
  "s3",
  "require_ssl",
  "rds.force_ssl",
  "require_secure_transport",
  "ON",
  "all",
  "postgres",
  "aurora-mysql",
  "sqlserver-ex",
  "oracle-ee",
  "memcached",
  "valkey",
  "none",
  "require",
  "SSE-KMS",
  "SSE-S3",
  "AwsKms",
  "false",
  '{"EncryptionConfiguration":{"EnableInTransitEncryption":true,"EnableAtRestEncryption":true}}',
  "HTTPS",
  "redirect",
  "*/*",
  "INFO",
  "PRIVATE",
  "gateway",
  "application",
  "DNS",
  "RSA_1024",
  "DISABLED",
  "ENABLED",
  "IMMUTABLE",
  "enhanced",
  "aws:elasticbeanstalk:managedactions",
  "ManagedActionsEnabled",
  "root",
  "0:0",
  "AWS_SECRET_ACCESS_KEY",
  "PLAINTEXT",
  "https://user:token@github.com/org/repo.git",
  "ELBSecurityPolicy-2016-08",
  "arn:aws:acm:us-east-1:123456789012:certificate/1",
  "alias/aws/lambda",
  '[{"name":"app","privileged":true,"user":"0"}]',
  "ingress",
  "allow",
  "tcp",
  "-1",
  "ELB",
  "SecureString",
  "All",
  "data-classification",
  22,
  443,
  65535,
  "alias/aws/ssm",
  "rate(12 hours)",
  "rate(2200 hours)",
  "cron(0 5 ? * SUN *)",
  "ACCOUNT",
  "ORGANIZATION",
  "us-east-1",
  "eu-west-1",
  "S3_DATA_EVENTS",
  "arn:aws:kms:us-east-1:123456789012:alias/aws/ebs",
  "Deny",
  "Allow",
  "Enabled",
  "BucketOwnerEnforced",
  "aws:kms",
  "AES256",
  "alias/aws/s3",
  "s3:*",
  "sqs:*",
  "kms:*",
  "*:*",
  "AWS::S3::Object",
  "Data",
  "1.2",
  "arn:aws:iam::aws:policy/AdministratorAccess",
  ["s3:*", "kms:Decrypt"],
  { AWS: "*" },
  { Bool: { "aws:SecureTransport": "false" } },
  '{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}',
  '{"Statement":[{"Effect":"Deny","Principal":"*","Action":["s3:*","sqs:*"],"Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"},"NumericLessThan":{"s3:TlsVersion":"1.2"}}}]}',
  "[]",
  "us-west-2",
  "ap-southeast-2",
  "arn:aws:s3:::records-us-west-2",
  "arn:aws:backup:eu-west-1:123456789012:backup-vault:dr",
  "arn:aws:backup::123456789012:backup-vault:dr",
  "confidential",
];

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  resource: fc.nat(),
  path: fc.nat(),
  op: fc.constantFrom<MutationOp>(
    "flip",
    "drop",
    "unknown",
    "unknown",
    "secret",
    "null",
    "replace",
    "replace",
    "drop-element",
    "repeat-element",
    "forget-dependency",
  ),
  value: fc.nat(),
});

type Path = readonly (string | number)[];

/** Types the stack rules join on besides their own: kept in every sub-plan of a mutation. */
export const JOINED_TYPES: ReadonlySet<string> = new Set([
  "kubernetes:networking.k8s.io/v1:NetworkPolicy",
  "kubernetes:core/v1:Namespace",
  "pulumi:providers:kubernetes",
  "aws:eks/cluster:Cluster",
  "aws:eks/nodeGroup:NodeGroup",
  "aws:eks/addon:Addon",
  "aws:ec2/launchTemplate:LaunchTemplate",
  "aws:cloudwatch/logGroup:LogGroup",
  "aws:ec2/subnet:Subnet",
  "aws:ec2/routeTable:RouteTable",
  "aws:ec2/routeTableAssociation:RouteTableAssociation",
  "aws:ec2/route:Route",
  "aws:ec2/internetGateway:InternetGateway",
  "aws:rds/clusterInstance:ClusterInstance",
  "aws:rds/parameterGroup:ParameterGroup",
  "aws:rds/clusterParameterGroup:ClusterParameterGroup",
  "aws:redshift/logging:Logging",
  "aws:redshift/parameterGroup:ParameterGroup",
  "aws:appautoscaling/target:Target",
  "aws:dynamodb/tableReplica:TableReplica",
  "aws:apigateway/restApi:RestApi",
  "aws:apigateway/methodSettings:MethodSettings",
  "aws:wafv2/webAclAssociation:WebAclAssociation",
  "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration",
  "aws:acm/certificate:Certificate",
  "aws:acm/certificateValidation:CertificateValidation",
  "aws:ec2/vpc:Vpc",
  "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
  "aws:ec2/vpcEndpoint:VpcEndpoint",
  "aws:ec2/flowLog:FlowLog",
  "aws:backup/vault:Vault",
  "aws:backup/vaultLockConfiguration:VaultLockConfiguration",
  "aws:backup/selection:Selection",
  "aws:secretsmanager/secret:Secret",
  "aws:secretsmanager/secretRotation:SecretRotation",
  "aws:guardduty/detector:Detector",
  "aws:guardduty/detectorFeature:DetectorFeature",
  "aws:cfg/recorder:Recorder",
  "aws:cfg/recorderStatus:RecorderStatus",
  "aws:securityhub/account:Account",
  "aws:securityhub/standardsSubscription:StandardsSubscription",
  "aws:kms/key:Key",
  "aws:s3/bucket:Bucket",
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  "aws:s3/bucketVersioning:BucketVersioning",
  "aws:s3/bucketLogging:BucketLogging",
  "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
  "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration",
  "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
  "aws:s3/bucketPolicy:BucketPolicy",
  "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
  "aws:s3/bucketAcl:BucketAcl",
  "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
  "aws:sqs/queue:Queue",
  "aws:sqs/queuePolicy:QueuePolicy",
  "aws:sqs/redrivePolicy:RedrivePolicy",
  "aws:cloudtrail/trail:Trail",
  "pulumi:providers:aws",
  "aws:dynamodb/table:Table",
  "aws:dynamodb/globalTable:GlobalTable",
  "aws:kms/replicaKey:ReplicaKey",
  "aws:rds/globalCluster:GlobalCluster",
  "aws:rds/cluster:Cluster",
  "aws:backup/plan:Plan",
  "phiguard:storage:PhiBucket",
]);

/**
 * Every place in a value: object keys and array indexes, depth first (the root excluded). A marked
 * value (unknown, secret, asset, archive) is a leaf: mutating inside one makes a malformed plan.
 */
export function pathsOf(value: PlanValue, prefix: Path = []): Path[] {
  if (value === null || typeof value !== "object") return [];
  if (!Array.isArray(value) && "@phiguard" in (value as Record<string, PlanValue>)) return [];
  const out: Path[] = [];
  if (Array.isArray(value)) {
    value.forEach((v: PlanValue, i: number) => out.push([...prefix, i], ...pathsOf(v, [...prefix, i])));
  } else {
    for (const [k, v] of Object.entries(value as Record<string, PlanValue>)) {
      out.push([...prefix, k], ...pathsOf(v, [...prefix, k]));
    }
  }
  return out;
}

/** Applies mutations to copies of the resources they touch; the input plan is left as it was. */
export function mutatePlan(plan: Plan, candidates: readonly number[], mutations: readonly Mutation[]): Plan {
  if (candidates.length === 0) return plan;
  const resources = [...plan.resources];
  for (const m of mutations) {
    const index = candidates[m.resource % candidates.length] as number;
    resources[index] = mutateResource(resources[index] as PlannedResource, m);
  }
  return { ...plan, resources };
}

function mutateResource(resource: PlannedResource, m: Mutation): PlannedResource {
  if (m.op === "forget-dependency") {
    const keys = Object.keys(resource.propertyDependencies);
    if (keys.length === 0) return resource;
    const forgotten = keys[m.path % keys.length] as string;
    const propertyDependencies = { ...resource.propertyDependencies };
    delete propertyDependencies[forgotten];
    return { ...resource, propertyDependencies };
  }
  const paths = pathsOf(resource.props);
  if (paths.length === 0) return resource;
  const path = paths[m.path % paths.length] as Path;
  const props = structuredClone(resource.props) as Record<string, PlanValue>;
  const parent = valueAt(props, path.slice(0, -1)) as Record<string | number, PlanValue> | PlanValue[];
  const key = path[path.length - 1] as string | number;
  const current = (parent as Record<string | number, PlanValue>)[key] as PlanValue;
  switch (m.op) {
    case "flip":
      if (typeof current === "boolean") set(parent, key, !current);
      else set(parent, key, current === undefined ? true : !truthy(current));
      break;
    case "drop":
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete (parent as Record<string, PlanValue>)[key];
      break;
    case "unknown":
      set(parent, key, { ...UNKNOWN });
      break;
    case "secret":
      set(parent, key, { ...SECRET });
      break;
    case "null":
      set(parent, key, null);
      break;
    case "replace":
      set(parent, key, structuredClone(REPLACEMENTS[m.value % REPLACEMENTS.length]) as PlanValue);
      break;
    case "drop-element":
    case "repeat-element": {
      // The nearest array on the path (the value itself or its parent).
      const list = Array.isArray(current) ? current : Array.isArray(parent) ? parent : undefined;
      if (!list || list.length === 0) break;
      const i = m.value % list.length;
      if (m.op === "drop-element") list.splice(i, 1);
      else list.splice(i, 0, structuredClone(list[i]) as PlanValue);
      break;
    }
  }
  return { ...resource, props: props as Props };
}

function truthy(v: PlanValue): boolean {
  return v !== null && v !== false && v !== 0 && v !== "";
}

function set(parent: Record<string | number, PlanValue> | PlanValue[], key: string | number, value: PlanValue): void {
  (parent as Record<string | number, PlanValue>)[key] = value;
}

function valueAt(root: PlanValue, path: Path): PlanValue {
  let current: PlanValue = root;
  for (const key of path) current = (current as Record<string | number, PlanValue>)[key] as PlanValue;
  return current;
}
