/**
 * Synthetic HIPAA estate generator for the planner benchmark.
 *
 * `planEstate(n)` and `renderEstate(estate)` are pure and deterministic: the same `n` always
 * gives byte-identical files. `writeEstate(dir, files)` is the only part that touches the disk.
 *
 * The generated project is an ordinary Pulumi TypeScript program for `@pulumi/aws` 7.x. It has
 * one shared `Platform` component (audit key, access-log bucket, CloudTrail, alarm topic) and a
 * loop over workload units, each a `Workload` component of 27-33 resources: a KMS key + alias,
 * a VPC with two private subnets, a route table, security groups and flow logs into an encrypted
 * log group, a PHI bucket with its separate v7 resources (SSE with the unit's key, versioning,
 * public access block, access logging), SQS queues with a DLQ, DynamoDB tables, on two units in
 * three an Aurora PostgreSQL cluster with two instances, and an application role and policy.
 *
 * Units differ only through a small table of `[aurora, tables, queues]` tuples, so the program
 * stays the same size whatever `n` is; the table is sized so that the program registers exactly
 * `n` resources, counting the stack resource and the components.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export interface UnitSpec {
  /** An Aurora PostgreSQL cluster (subnet group, cluster, writer and reader instance). */
  readonly aurora: boolean;
  /** DynamoDB tables, at least 1. */
  readonly tables: number;
  /** Work queues redriving to the unit's DLQ, at least 1. */
  readonly queues: number;
}

export interface Estate {
  /** Resources the program registers: stack + components + custom resources. */
  readonly resources: number;
  readonly units: readonly UnitSpec[];
  /** Expected registrations by Pulumi type token (sorted by token). */
  readonly byType: Readonly<Record<string, number>>;
}

export const STACK_TYPE = "pulumi:pulumi:Stack";
export const PLATFORM_TYPE = "bench:estate:Platform";
export const WORKLOAD_TYPE = "bench:estate:Workload";

const T = {
  key: "aws:kms/key:Key",
  alias: "aws:kms/alias:Alias",
  vpc: "aws:ec2/vpc:Vpc",
  subnet: "aws:ec2/subnet:Subnet",
  routeTable: "aws:ec2/routeTable:RouteTable",
  rtAssoc: "aws:ec2/routeTableAssociation:RouteTableAssociation",
  sg: "aws:ec2/securityGroup:SecurityGroup",
  sgIngress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
  logGroup: "aws:cloudwatch/logGroup:LogGroup",
  role: "aws:iam/role:Role",
  rolePolicy: "aws:iam/rolePolicy:RolePolicy",
  policy: "aws:iam/policy:Policy",
  attach: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  flowLog: "aws:ec2/flowLog:FlowLog",
  bucket: "aws:s3/bucket:Bucket",
  sse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  versioning: "aws:s3/bucketVersioning:BucketVersioning",
  pab: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
  logging: "aws:s3/bucketLogging:BucketLogging",
  ownership: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
  bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
  trail: "aws:cloudtrail/trail:Trail",
  topic: "aws:sns/topic:Topic",
  queue: "aws:sqs/queue:Queue",
  table: "aws:dynamodb/table:Table",
  dbSubnetGroup: "aws:rds/subnetGroup:SubnetGroup",
  cluster: "aws:rds/cluster:Cluster",
  instance: "aws:rds/clusterInstance:ClusterInstance",
} as const;

/** What the program's `Platform` component registers (itself included). */
export function platformTypes(): string[] {
  return [
    PLATFORM_TYPE,
    T.key, T.alias,
    T.bucket, T.sse, T.versioning, T.pab, T.ownership,
    T.bucket, T.sse, T.versioning, T.pab, T.bucketPolicy, T.logging,
    T.logGroup, T.role, T.rolePolicy, T.trail,
    T.topic,
  ];
}

/** What one `Workload` component registers (itself included), in program order. */
export function workloadTypes(unit: UnitSpec): string[] {
  return [
    WORKLOAD_TYPE,
    T.key, T.alias,
    T.vpc, T.subnet, T.subnet, T.routeTable, T.rtAssoc, T.rtAssoc,
    T.sg, T.sg, T.sgIngress,
    T.logGroup, T.role, T.rolePolicy, T.flowLog,
    T.bucket, T.sse, T.versioning, T.pab, T.logging,
    T.queue, ...repeat(T.queue, unit.queues),
    ...repeat(T.table, unit.tables),
    ...(unit.aurora ? [T.dbSubnetGroup, T.cluster, T.instance, T.instance] : []),
    T.role, T.policy, T.attach,
  ];
}

export function unitSize(unit: UnitSpec): number {
  return workloadTypes(unit).length;
}

/** The unit mix before sizing: 2 in 3 with Aurora, every 4th with a second table, every 2nd with a second queue. */
function baseUnit(i: number): UnitSpec {
  return { aurora: i % 3 !== 2, tables: i % 4 === 0 ? 2 : 1, queues: i % 2 === 0 ? 1 : 2 };
}

const MIN_RESOURCES = 1 + platformTypes().length + unitSize({ aurora: false, tables: 1, queues: 1 });

/** Sizes the unit table so that the program registers exactly `resources` resources. */
export function planEstate(resources: number): Estate {
  if (!Number.isInteger(resources) || resources < MIN_RESOURCES) {
    throw new Error(`resources: expected an integer >= ${MIN_RESOURCES} (stack + platform + one unit), got ${resources}`);
  }
  const fixed = 1 + platformTypes().length;
  const units: UnitSpec[] = [];
  let total = fixed;
  for (let i = 0; ; i++) {
    const unit = baseUnit(i);
    if (total + unitSize(unit) > resources) break;
    units.push(unit);
    total += unitSize(unit);
  }
  // Fewer resources left than a unit needs: give units one more work queue each, round robin.
  for (let i = 0; total < resources; i = (i + 1) % units.length, total++) {
    const unit = units[i]!;
    units[i] = { ...unit, queues: unit.queues + 1 };
  }
  const counts = new Map<string, number>();
  for (const type of [STACK_TYPE, ...platformTypes(), ...units.flatMap(workloadTypes)]) {
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  const byType = Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { resources, units, byType };
}

export interface RenderOptions {
  /** Pulumi project name. @default `phi-estate-<n>` */
  readonly project?: string;
  /** Stack whose config file is written. @default "bench" */
  readonly stack?: string;
}

/** The project's files, by path relative to the project directory. */
export function renderEstate(estate: Estate, options: RenderOptions = {}): Record<string, string> {
  const project = options.project ?? `phi-estate-${estate.resources}`;
  const stack = options.stack ?? "bench";
  return {
    "Pulumi.yaml": [
      `name: ${project}`,
      "runtime: nodejs",
      `description: Synthetic HIPAA estate of ${estate.resources} resources (phiguard bench/estate/generate.ts)`,
      "",
    ].join("\n"),
    [`Pulumi.${stack}.yaml`]: ["config:", "  aws:region: us-east-1", ""].join("\n"),
    "tsconfig.json":
      JSON.stringify(
        {
          compilerOptions: {
            strict: true,
            outDir: "bin",
            target: "es2022",
            module: "commonjs",
            moduleResolution: "node",
            sourceMap: false,
            skipLibCheck: true,
            esModuleInterop: true,
            types: ["node"],
          },
          files: ["index.ts"],
        },
        null,
        2,
      ) + "\n",
    "index.ts": renderProgram(estate),
    "estate.json": JSON.stringify({ resources: estate.resources, units: estate.units.length, byType: estate.byType }, null, 2) + "\n",
  };
}

function renderProgram(estate: Estate): string {
  const tuples = estate.units.map((u) => `[${u.aurora ? 1 : 0}, ${u.tables}, ${u.queues}]`);
  const rows: string[] = [];
  for (let i = 0; i < tuples.length; i += 12) rows.push(`  ${tuples.slice(i, i + 12).join(", ")},`);
  return PROGRAM.replaceAll("__RESOURCES__", String(estate.resources))
    .replace("__UNIT_COUNT__", String(estate.units.length))
    .replace("__UNITS__", rows.join("\n"));
}

/** Writes the files under `dir` (created if missing). */
export function writeEstate(dir: string, files: Record<string, string>): void {
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
}

function repeat<V>(value: V, times: number): V[] {
  return Array.from({ length: times }, () => value);
}

const PROGRAM = `// Generated by phiguard bench/estate/generate.ts: a synthetic HIPAA estate that registers
// exactly __RESOURCES__ resources (stack + 1 platform + __UNIT_COUNT__ workload units). Do not edit.
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

/** [aurora (0/1), DynamoDB tables, work queues] per workload unit. */
const units: [aurora: number, tables: number, queues: number][] = [
__UNITS__
];

const domains = ["ehr", "claims", "imaging", "labs", "pharmacy", "scheduling", "billing", "portal", "telehealth", "analytics"];
const region = "us-east-1";
const identity = aws.getCallerIdentityOutput();
const accountId = identity.accountId;

function baseTags(workload: string): Record<string, string> {
  return { "phi": "true", "workload": workload, "environment": "bench", "owner": "platform-team", "data-classification": "restricted" };
}

function assumeRole(service: string): string {
  return JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }],
  });
}

function keyPolicy(services: string[]): pulumi.Output<string> {
  return pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [
      { Sid: "AccountAdmin", Effect: "Allow", Principal: { AWS: pulumi.interpolate\`arn:aws:iam::\${accountId}:root\` }, Action: "kms:*", Resource: "*" },
      {
        Sid: "ServiceUse",
        Effect: "Allow",
        Principal: { Service: services },
        Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
        Resource: "*",
      },
    ],
  });
}

function newKey(name: string, services: string[], tags: Record<string, string>, opts: pulumi.CustomResourceOptions): aws.kms.Key {
  const key = new aws.kms.Key(name, {
    description: \`\${name} envelope key\`,
    enableKeyRotation: true,
    deletionWindowInDays: 30,
    policy: keyPolicy(services),
    tags,
  }, opts);
  new aws.kms.Alias(\`\${name}-alias\`, { name: \`alias/\${name}\`, targetKeyId: key.keyId }, opts);
  return key;
}

function privateBucket(name: string, sse: { kmsKey?: aws.kms.Key }, tags: Record<string, string>, opts: pulumi.CustomResourceOptions): aws.s3.Bucket {
  const bucket = new aws.s3.Bucket(name, { bucket: name, forceDestroy: false, tags }, opts);
  new aws.s3.BucketServerSideEncryptionConfiguration(\`\${name}-sse\`, {
    bucket: bucket.id,
    rules: [
      {
        applyServerSideEncryptionByDefault: sse.kmsKey
          ? { sseAlgorithm: "aws:kms", kmsMasterKeyId: sse.kmsKey.arn }
          : { sseAlgorithm: "AES256" },
        bucketKeyEnabled: sse.kmsKey !== undefined,
      },
    ],
  }, opts);
  new aws.s3.BucketVersioning(\`\${name}-versioning\`, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } }, opts);
  new aws.s3.BucketPublicAccessBlock(\`\${name}-public-access\`, {
    bucket: bucket.id,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  }, opts);
  return bucket;
}

/** Account-wide audit: CloudTrail into an encrypted bucket and log group, access logs, alarms. */
class Platform extends pulumi.ComponentResource {
  readonly accessLogs: aws.s3.Bucket;
  readonly alarms: aws.sns.Topic;

  constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
    super("bench:estate:Platform", name, {}, opts);
    const p = { parent: this };
    const tags = baseTags("platform");
    const auditKey = newKey(\`\${name}-audit\`, ["cloudtrail.amazonaws.com", \`logs.\${region}.amazonaws.com\`, "sns.amazonaws.com"], tags, p);

    this.accessLogs = privateBucket(\`\${name}-access-logs\`, {}, tags, p);
    new aws.s3.BucketOwnershipControls(\`\${name}-access-logs-ownership\`, {
      bucket: this.accessLogs.id,
      rule: { objectOwnership: "BucketOwnerEnforced" },
    }, p);

    const trailBucket = privateBucket(\`\${name}-cloudtrail\`, { kmsKey: auditKey }, tags, p);
    const trailBucketPolicy = new aws.s3.BucketPolicy(\`\${name}-cloudtrail-policy\`, {
      bucket: trailBucket.id,
      policy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [
          { Sid: "AclCheck", Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "s3:GetBucketAcl", Resource: trailBucket.arn },
          {
            Sid: "Write",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: pulumi.interpolate\`\${trailBucket.arn}/AWSLogs/\${accountId}/*\`,
            Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control" } },
          },
          {
            Sid: "DenyInsecureTransport",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            Resource: [trailBucket.arn, pulumi.interpolate\`\${trailBucket.arn}/*\`],
            Condition: { Bool: { "aws:SecureTransport": "false" } },
          },
        ],
      }),
    }, p);
    new aws.s3.BucketLogging(\`\${name}-cloudtrail-logging\`, {
      bucket: trailBucket.id,
      targetBucket: this.accessLogs.id,
      targetPrefix: "cloudtrail/",
    }, p);

    const trailLogs = new aws.cloudwatch.LogGroup(\`\${name}-cloudtrail-logs\`, {
      name: \`/phi/\${name}/cloudtrail\`,
      retentionInDays: 2192,
      kmsKeyId: auditKey.arn,
      tags,
    }, p);
    const trailRole = new aws.iam.Role(\`\${name}-cloudtrail-role\`, { assumeRolePolicy: assumeRole("cloudtrail.amazonaws.com"), tags }, p);
    new aws.iam.RolePolicy(\`\${name}-cloudtrail-role-policy\`, {
      role: trailRole.id,
      policy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: pulumi.interpolate\`\${trailLogs.arn}:*\` }],
      }),
    }, p);
    new aws.cloudtrail.Trail(\`\${name}-trail\`, {
      name: \`\${name}-trail\`,
      s3BucketName: trailBucket.id,
      kmsKeyId: auditKey.arn,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      cloudWatchLogsGroupArn: pulumi.interpolate\`\${trailLogs.arn}:*\`,
      cloudWatchLogsRoleArn: trailRole.arn,
      tags,
    }, { ...p, dependsOn: [trailBucketPolicy] });

    this.alarms = new aws.sns.Topic(\`\${name}-alarms\`, { name: \`\${name}-alarms\`, kmsMasterKeyId: auditKey.id, tags }, p);
    this.registerOutputs({ accessLogs: this.accessLogs.id, alarms: this.alarms.arn });
  }
}

/** One clinical workload: its own key, network, PHI bucket, queues, tables, database and role. */
class Workload extends pulumi.ComponentResource {
  readonly bucketArn: pulumi.Output<string>;

  constructor(name: string, index: number, spec: [number, number, number], platform: Platform, opts?: pulumi.ComponentResourceOptions) {
    super("bench:estate:Workload", name, {}, opts);
    const [aurora, tableCount, queueCount] = spec;
    const p = { parent: this };
    const tags = baseTags(name);
    const key = newKey(\`\${name}-data\`, [\`logs.\${region}.amazonaws.com\`, "rds.amazonaws.com", "dynamodb.amazonaws.com", "sqs.amazonaws.com"], tags, p);

    // Network: a /20 per unit, two private /24 subnets, no internet gateway.
    const octet2 = index >> 4;
    const octet3 = (index & 15) << 4;
    const vpc = new aws.ec2.Vpc(\`\${name}-vpc\`, {
      cidrBlock: \`10.\${octet2}.\${octet3}.0/20\`,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      tags: { ...tags, Name: \`\${name}-vpc\` },
    }, p);
    const routeTable = new aws.ec2.RouteTable(\`\${name}-private-rt\`, { vpcId: vpc.id, tags }, p);
    const subnets = ["a", "b"].map((az, i) => {
      const subnet = new aws.ec2.Subnet(\`\${name}-private-\${az}\`, {
        vpcId: vpc.id,
        cidrBlock: \`10.\${octet2}.\${octet3 + i}.0/24\`,
        availabilityZone: \`\${region}\${az}\`,
        mapPublicIpOnLaunch: false,
        tags: { ...tags, Name: \`\${name}-private-\${az}\`, tier: "private" },
      }, p);
      new aws.ec2.RouteTableAssociation(\`\${name}-private-\${az}-rta\`, { subnetId: subnet.id, routeTableId: routeTable.id }, p);
      return subnet;
    });
    const appSg = new aws.ec2.SecurityGroup(\`\${name}-app-sg\`, {
      vpcId: vpc.id,
      description: \`\${name} application tier\`,
      egress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], description: "HTTPS to AWS APIs" }],
      tags,
    }, p);
    const dbSg = new aws.ec2.SecurityGroup(\`\${name}-db-sg\`, { vpcId: vpc.id, description: \`\${name} database tier\`, tags }, p);
    new aws.vpc.SecurityGroupIngressRule(\`\${name}-db-from-app\`, {
      securityGroupId: dbSg.id,
      referencedSecurityGroupId: appSg.id,
      ipProtocol: "tcp",
      fromPort: 5432,
      toPort: 5432,
      description: "PostgreSQL from the application tier",
    }, p);

    // VPC flow logs into an encrypted log group.
    const flowLogs = new aws.cloudwatch.LogGroup(\`\${name}-flow-logs\`, {
      name: \`/phi/\${name}/vpc-flow-logs\`,
      retentionInDays: 365,
      kmsKeyId: key.arn,
      tags,
    }, p);
    const flowRole = new aws.iam.Role(\`\${name}-flow-logs-role\`, { assumeRolePolicy: assumeRole("vpc-flow-logs.amazonaws.com"), tags }, p);
    new aws.iam.RolePolicy(\`\${name}-flow-logs-policy\`, {
      role: flowRole.id,
      policy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [
          {
            Effect: "Allow",
            Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
            Resource: pulumi.interpolate\`\${flowLogs.arn}:*\`,
          },
        ],
      }),
    }, p);
    new aws.ec2.FlowLog(\`\${name}-flow-log\`, {
      vpcId: vpc.id,
      trafficType: "ALL",
      logDestinationType: "cloud-watch-logs",
      logDestination: flowLogs.arn,
      iamRoleArn: flowRole.arn,
      tags,
    }, p);

    // PHI bucket, encrypted with the unit's key, access-logged to the platform bucket.
    const bucket = privateBucket(\`\${name}-phi\`, { kmsKey: key }, tags, p);
    new aws.s3.BucketLogging(\`\${name}-phi-logging\`, {
      bucket: bucket.id,
      targetBucket: platform.accessLogs.id,
      targetPrefix: \`\${name}/\`,
    }, p);

    // Messaging: a DLQ and work queues redriving to it.
    const dlq = new aws.sqs.Queue(\`\${name}-dlq\`, {
      name: \`\${name}-dlq\`,
      kmsMasterKeyId: key.id,
      kmsDataKeyReusePeriodSeconds: 300,
      messageRetentionSeconds: 1209600,
      tags,
    }, p);
    const queues = Array.from({ length: queueCount }, (_, i) =>
      new aws.sqs.Queue(\`\${name}-queue-\${i}\`, {
        name: \`\${name}-queue-\${i}\`,
        kmsMasterKeyId: key.id,
        kmsDataKeyReusePeriodSeconds: 300,
        visibilityTimeoutSeconds: 120,
        redrivePolicy: pulumi.jsonStringify({ deadLetterTargetArn: dlq.arn, maxReceiveCount: 5 }),
        tags,
      }, p),
    );

    const tables = Array.from({ length: tableCount }, (_, i) =>
      new aws.dynamodb.Table(\`\${name}-table-\${i}\`, {
        name: \`\${name}-table-\${i}\`,
        billingMode: "PAY_PER_REQUEST",
        hashKey: "pk",
        rangeKey: "sk",
        attributes: [
          { name: "pk", type: "S" },
          { name: "sk", type: "S" },
        ],
        serverSideEncryption: { enabled: true, kmsKeyArn: key.arn },
        pointInTimeRecovery: { enabled: true },
        deletionProtectionEnabled: true,
        tags,
      }, p),
    );

    if (aurora) {
      const subnetGroup = new aws.rds.SubnetGroup(\`\${name}-db-subnets\`, { subnetIds: subnets.map((s) => s.id), tags }, p);
      const cluster = new aws.rds.Cluster(\`\${name}-db\`, {
        clusterIdentifier: \`\${name}-db\`,
        engine: "aurora-postgresql",
        engineVersion: "16.4",
        databaseName: "clinical",
        masterUsername: "phiadmin",
        manageMasterUserPassword: true,
        dbSubnetGroupName: subnetGroup.name,
        vpcSecurityGroupIds: [dbSg.id],
        storageEncrypted: true,
        kmsKeyId: key.arn,
        backupRetentionPeriod: 35,
        preferredBackupWindow: "03:00-04:00",
        copyTagsToSnapshot: true,
        deletionProtection: true,
        skipFinalSnapshot: false,
        finalSnapshotIdentifier: \`\${name}-db-final\`,
        iamDatabaseAuthenticationEnabled: true,
        enabledCloudwatchLogsExports: ["postgresql"],
        tags,
      }, p);
      for (const role of ["writer", "reader"]) {
        new aws.rds.ClusterInstance(\`\${name}-db-\${role}\`, {
          clusterIdentifier: cluster.id,
          identifier: \`\${name}-db-\${role}\`,
          instanceClass: "db.r6g.large",
          engine: "aurora-postgresql",
          engineVersion: cluster.engineVersion,
          publiclyAccessible: false,
          performanceInsightsEnabled: true,
          performanceInsightsKmsKeyId: key.arn,
          autoMinorVersionUpgrade: true,
          tags,
        }, p);
      }
    }

    // The application's role: least privilege on this unit's data only.
    const appRole = new aws.iam.Role(\`\${name}-app-role\`, { assumeRolePolicy: assumeRole("ecs-tasks.amazonaws.com"), tags }, p);
    const appPolicy = new aws.iam.Policy(\`\${name}-app-policy\`, {
      description: \`\${name} application data access\`,
      policy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: pulumi.interpolate\`\${bucket.arn}/*\` },
          {
            Effect: "Allow",
            Action: ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem"],
            Resource: tables.map((t) => t.arn),
          },
          { Effect: "Allow", Action: ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage"], Resource: queues.map((q) => q.arn) },
          { Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: key.arn },
        ],
      }),
      tags,
    }, p);
    new aws.iam.RolePolicyAttachment(\`\${name}-app-policy-attachment\`, { role: appRole.name, policyArn: appPolicy.arn }, p);

    this.bucketArn = bucket.arn;
    this.registerOutputs({ bucketArn: this.bucketArn, alarms: platform.alarms.arn });
  }
}

const platform = new Platform("platform");
const workloads = units.map((spec, i) => new Workload(\`\${domains[i % domains.length]}-\${String(i).padStart(4, "0")}\`, i, spec, platform));

export const resourceCount = __RESOURCES__;
export const workloadCount = workloads.length;
`;

function main(argv: string[]): void {
  const [countArg, outArg] = argv;
  const count = Number(countArg);
  if (!countArg || !outArg || !Number.isInteger(count)) {
    process.stderr.write("usage: node generate.js <resources> <out-dir>\n");
    process.exitCode = 2;
    return;
  }
  const estate = planEstate(count);
  writeEstate(outArg, renderEstate(estate));
  process.stdout.write(`${outArg}: ${estate.resources} resources, ${estate.units.length} workload units\n`);
}

if (require.main === module) main(process.argv.slice(2));
