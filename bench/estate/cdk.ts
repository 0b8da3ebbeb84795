/**
 * The CDK twin of a generated estate: the same workload as `generate.ts`'s Pulumi program, written
 * as an AWS CDK app of L1 (`Cfn*`) constructs with cdk-nag's HIPAA pack, for the benchmark's
 * CDK + cdk-nag baseline.
 *
 * `planCdk(estate)` and `renderCdkApp(estate, cdkPackage)` are pure and deterministic; `writeCdkApp` writes one. The app is plain
 * CommonJS (`app.js`: nothing to compile, so nothing but CDK itself is timed) that loads
 * `aws-cdk-lib`, `constructs` and `cdk-nag` from `bench/cdk/node_modules` (`npm ci --prefix bench/cdk`)
 * and synthesises into `<app dir>/cdk.out`.
 *
 * One Pulumi resource maps to one CloudFormation resource wherever CloudFormation has the type.
 * Where it has not, the Pulumi resource folds into its CloudFormation parent (see `FOLDED`): the
 * S3 v7 sub-resources (SSE, versioning, public access block, logging, ownership controls) are
 * properties of `AWS::S3::Bucket`, a `RolePolicyAttachment` is the `Roles` of the
 * `AWS::IAM::ManagedPolicy`, and the stack and component resources are the CDK `Stack`s and
 * `Construct`s themselves. CloudFormation caps a stack at 500 resources, so the units are spread
 * over several stacks of one App, like a large real CDK estate: a `Platform` stack, then
 * `Workloads01`, `Workloads02`, ... filled in order up to `MAX_STACK_RESOURCES` each.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { planEstate, type Estate, type UnitSpec } from "./generate";

/** CloudFormation's limit of resources per stack. */
export const MAX_STACK_RESOURCES = 500;

const C = {
  key: "AWS::KMS::Key",
  alias: "AWS::KMS::Alias",
  vpc: "AWS::EC2::VPC",
  subnet: "AWS::EC2::Subnet",
  routeTable: "AWS::EC2::RouteTable",
  rtAssoc: "AWS::EC2::SubnetRouteTableAssociation",
  sg: "AWS::EC2::SecurityGroup",
  sgIngress: "AWS::EC2::SecurityGroupIngress",
  logGroup: "AWS::Logs::LogGroup",
  role: "AWS::IAM::Role",
  rolePolicy: "AWS::IAM::RolePolicy",
  managedPolicy: "AWS::IAM::ManagedPolicy",
  flowLog: "AWS::EC2::FlowLog",
  bucket: "AWS::S3::Bucket",
  bucketPolicy: "AWS::S3::BucketPolicy",
  trail: "AWS::CloudTrail::Trail",
  topic: "AWS::SNS::Topic",
  queue: "AWS::SQS::Queue",
  table: "AWS::DynamoDB::Table",
  dbSubnetGroup: "AWS::RDS::DBSubnetGroup",
  cluster: "AWS::RDS::DBCluster",
  instance: "AWS::RDS::DBInstance",
} as const;

/** Pulumi type → the CloudFormation type it maps to one-to-one. */
export const MAPPED: Readonly<Record<string, string>> = {
  "aws:kms/key:Key": C.key,
  "aws:kms/alias:Alias": C.alias,
  "aws:ec2/vpc:Vpc": C.vpc,
  "aws:ec2/subnet:Subnet": C.subnet,
  "aws:ec2/routeTable:RouteTable": C.routeTable,
  "aws:ec2/routeTableAssociation:RouteTableAssociation": C.rtAssoc,
  "aws:ec2/securityGroup:SecurityGroup": C.sg,
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": C.sgIngress,
  "aws:cloudwatch/logGroup:LogGroup": C.logGroup,
  "aws:iam/role:Role": C.role,
  "aws:iam/rolePolicy:RolePolicy": C.rolePolicy,
  "aws:iam/policy:Policy": C.managedPolicy,
  "aws:ec2/flowLog:FlowLog": C.flowLog,
  "aws:s3/bucket:Bucket": C.bucket,
  "aws:s3/bucketPolicy:BucketPolicy": C.bucketPolicy,
  "aws:cloudtrail/trail:Trail": C.trail,
  "aws:sns/topic:Topic": C.topic,
  "aws:sqs/queue:Queue": C.queue,
  "aws:dynamodb/table:Table": C.table,
  "aws:rds/subnetGroup:SubnetGroup": C.dbSubnetGroup,
  "aws:rds/cluster:Cluster": C.cluster,
  "aws:rds/clusterInstance:ClusterInstance": C.instance,
};

/** Pulumi type → where it lives in the CDK app, for the types CloudFormation has no resource for. */
export const FOLDED: Readonly<Record<string, string>> = {
  "pulumi:pulumi:Stack": "the CDK `App` and its `Stack`s (no CloudFormation resource)",
  "bench:estate:Platform": "a `Construct` scope in the `Platform` stack (no resource)",
  "bench:estate:Workload": "a `Construct` scope per unit (no resource)",
  "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": "`BucketEncryption` of the `AWS::S3::Bucket`",
  "aws:s3/bucketVersioning:BucketVersioning": "`VersioningConfiguration` of the `AWS::S3::Bucket`",
  "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": "`PublicAccessBlockConfiguration` of the `AWS::S3::Bucket`",
  "aws:s3/bucketLogging:BucketLogging": "`LoggingConfiguration` of the `AWS::S3::Bucket`",
  "aws:s3/bucketOwnershipControls:BucketOwnershipControls": "`OwnershipControls` of the `AWS::S3::Bucket`",
  "aws:iam/rolePolicyAttachment:RolePolicyAttachment": "`Roles` of the `AWS::IAM::ManagedPolicy`",
};

/** What the `Platform` stack holds. */
export function cdkPlatformTypes(): string[] {
  return [C.key, C.alias, C.bucket, C.bucket, C.bucketPolicy, C.logGroup, C.role, C.rolePolicy, C.trail, C.topic];
}

/** What one workload unit synthesises to, in program order. */
export function cdkWorkloadTypes(unit: UnitSpec): string[] {
  return [
    C.key, C.alias,
    C.vpc, C.subnet, C.subnet, C.routeTable, C.rtAssoc, C.rtAssoc,
    C.sg, C.sg, C.sgIngress,
    C.logGroup, C.role, C.rolePolicy, C.flowLog,
    C.bucket,
    C.queue, ...Array.from({ length: unit.queues }, () => C.queue),
    ...Array.from({ length: unit.tables }, () => C.table),
    ...(unit.aurora ? [C.dbSubnetGroup, C.cluster, C.instance, C.instance] : []),
    C.role, C.managedPolicy,
  ];
}

export interface CdkPlan {
  /** CloudFormation resources in all templates together. */
  readonly resources: number;
  /** Expected resources by CloudFormation type (sorted by type). */
  readonly byType: Readonly<Record<string, number>>;
  /** Stack name → CloudFormation resources in it. */
  readonly stacks: Readonly<Record<string, number>>;
  /** `[first unit, end unit)` of each workload stack, in order. */
  readonly workloadStacks: readonly (readonly [number, number])[];
}

/** Spreads the estate's units over stacks of at most MAX_STACK_RESOURCES and counts what CloudFormation will hold. */
export function planCdk(estate: Estate): CdkPlan {
  const stacks: Record<string, number> = { Platform: cdkPlatformTypes().length };
  const workloadStacks: [number, number][] = [];
  let start = 0;
  let size = 0;
  estate.units.forEach((unit, i) => {
    const n = cdkWorkloadTypes(unit).length;
    if (size + n > MAX_STACK_RESOURCES) {
      workloadStacks.push([start, i]);
      start = i;
      size = 0;
    }
    size += n;
  });
  if (estate.units.length > start) workloadStacks.push([start, estate.units.length]);
  workloadStacks.forEach(([from, to], s) => {
    stacks[stackName(s)] = estate.units.slice(from, to).reduce((sum, u) => sum + cdkWorkloadTypes(u).length, 0);
  });
  const counts = new Map<string, number>();
  for (const type of [...cdkPlatformTypes(), ...estate.units.flatMap(cdkWorkloadTypes)]) counts.set(type, (counts.get(type) ?? 0) + 1);
  const byType = Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const resources = [...counts.values()].reduce((a, b) => a + b, 0);
  return { resources, byType, stacks, workloadStacks };
}

function stackName(index: number): string {
  return `Workloads${String(index + 1).padStart(2, "0")}`;
}

/**
 * The app's files by name: `app.js` and `cdk-estate.json` (the expected CloudFormation counts).
 * `cdkPackage` is the `package.json` whose `node_modules` holds `aws-cdk-lib`, `constructs` and
 * `cdk-nag`, relative to the app's directory (`path.relative(appDir, "bench/cdk/package.json")`).
 */
export function renderCdkApp(estate: Estate, cdkPackage: string): Record<string, string> {
  const plan = planCdk(estate);
  const tuples = estate.units.map((u) => `[${u.aurora ? 1 : 0}, ${u.tables}, ${u.queues}]`);
  const rows: string[] = [];
  for (let i = 0; i < tuples.length; i += 12) rows.push(`  ${tuples.slice(i, i + 12).join(", ")},`);
  const app = APP.replaceAll("__RESOURCES__", String(estate.resources))
    .replace("__CFN_RESOURCES__", String(plan.resources))
    .replace("__UNIT_COUNT__", String(estate.units.length))
    .replace("__STACK_COUNT__", String(plan.workloadStacks.length + 1))
    .replace("__PACKAGE__", JSON.stringify(cdkPackage.split("\\").join("/")))
    .replace("__UNITS__", rows.join("\n"))
    .replace("__STACKS__", plan.workloadStacks.map(([a, b]) => `[${a}, ${b}]`).join(", "));
  return {
    "app.js": app,
    "cdk-estate.json":
      JSON.stringify(
        { pulumiResources: estate.resources, cfnResources: plan.resources, units: estate.units.length, stacks: plan.stacks, byType: plan.byType },
        null,
        2,
      ) + "\n",
  };
}

const APP = `#!/usr/bin/env node
// Generated by phiguard bench/estate/cdk.ts: the CDK twin of the __RESOURCES__-resource Pulumi estate,
// __CFN_RESOURCES__ CloudFormation resources (platform + __UNIT_COUNT__ workload units) in __STACK_COUNT__ stacks, L1 constructs,
// checked by cdk-nag's HIPAA pack during synthesis. Do not edit.
//
//   node app.js [outdir]      synthesises into <outdir> (default: cdk.out next to this file)
"use strict";
const path = require("node:path");
const { createRequire } = require("node:module");

// aws-cdk-lib, constructs and cdk-nag live in bench/cdk/node_modules (npm ci --prefix bench/cdk).
const cdkRequire = createRequire(path.resolve(__dirname, __PACKAGE__));
const cdk = require(cdkRequire.resolve("aws-cdk-lib"));
const { Construct } = require(cdkRequire.resolve("constructs"));
const { HIPAASecurityChecks } = require(cdkRequire.resolve("cdk-nag"));
const { kms, ec2, logs, iam, s3, cloudtrail, sns, sqs, dynamodb, rds } = {
  kms: cdk.aws_kms,
  ec2: cdk.aws_ec2,
  logs: cdk.aws_logs,
  iam: cdk.aws_iam,
  s3: cdk.aws_s3,
  cloudtrail: cdk.aws_cloudtrail,
  sns: cdk.aws_sns,
  sqs: cdk.aws_sqs,
  dynamodb: cdk.aws_dynamodb,
  rds: cdk.aws_rds,
};

/** [aurora (0/1), DynamoDB tables, work queues] per workload unit. */
const units = [
__UNITS__
];
/** [first unit, end unit) of each workload stack: at most 500 CloudFormation resources a stack. */
const workloadStacks = [__STACKS__];

const domains = ["ehr", "claims", "imaging", "labs", "pharmacy", "scheduling", "billing", "portal", "telehealth", "analytics"];
const region = "us-east-1";

function tagList(workload, extra = {}) {
  const tags = { "phi": "true", "workload": workload, "environment": "bench", "owner": "platform-team", "data-classification": "restricted", ...extra };
  return Object.entries(tags).map(([key, value]) => ({ key, value }));
}

function assumeRole(service) {
  return {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }],
  };
}

function keyPolicy(services) {
  return {
    Version: "2012-10-17",
    Statement: [
      { Sid: "AccountAdmin", Effect: "Allow", Principal: { AWS: \`arn:\${cdk.Aws.PARTITION}:iam::\${cdk.Aws.ACCOUNT_ID}:root\` }, Action: "kms:*", Resource: "*" },
      {
        Sid: "ServiceUse",
        Effect: "Allow",
        Principal: { Service: services },
        Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
        Resource: "*",
      },
    ],
  };
}

function newKey(scope, id, name, services, tags) {
  const key = new kms.CfnKey(scope, id, {
    description: \`\${name} envelope key\`,
    enableKeyRotation: true,
    pendingWindowInDays: 30,
    keyPolicy: keyPolicy(services),
    tags,
  });
  new kms.CfnAlias(scope, \`\${id}-alias\`, { aliasName: \`alias/\${name}\`, targetKeyId: key.ref });
  return key;
}

/** The bucket with what Pulumi registers as separate SSE, versioning, public access block (and logging) resources. */
function privateBucket(scope, id, name, sse, logging, tags, extra = {}) {
  return new s3.CfnBucket(scope, id, {
    bucketName: name,
    bucketEncryption: {
      serverSideEncryptionConfiguration: [
        {
          serverSideEncryptionByDefault: sse.kmsKey
            ? { sseAlgorithm: "aws:kms", kmsMasterKeyId: sse.kmsKey.attrArn }
            : { sseAlgorithm: "AES256" },
          bucketKeyEnabled: sse.kmsKey !== undefined,
        },
      ],
    },
    versioningConfiguration: { status: "Enabled" },
    publicAccessBlockConfiguration: { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
    ...(logging ? { loggingConfiguration: { destinationBucketName: logging.bucket.ref, logFilePrefix: logging.prefix } } : {}),
    ...extra,
    tags,
  });
}

/** Account-wide audit: CloudTrail into an encrypted bucket and log group, access logs, alarms. */
class Platform extends Construct {
  constructor(scope, name) {
    super(scope, name);
    const tags = tagList("platform");
    const auditKey = newKey(this, "audit", \`\${name}-audit\`, ["cloudtrail.amazonaws.com", \`logs.\${region}.amazonaws.com\`, "sns.amazonaws.com"], tags);

    this.accessLogs = privateBucket(this, "access-logs", \`\${name}-access-logs\`, {}, undefined, tags, {
      ownershipControls: { rules: [{ objectOwnership: "BucketOwnerEnforced" }] },
    });

    const trailBucket = privateBucket(this, "cloudtrail", \`\${name}-cloudtrail\`, { kmsKey: auditKey }, { bucket: this.accessLogs, prefix: "cloudtrail/" }, tags);
    const trailBucketPolicy = new s3.CfnBucketPolicy(this, "cloudtrail-policy", {
      bucket: trailBucket.ref,
      policyDocument: {
        Version: "2012-10-17",
        Statement: [
          { Sid: "AclCheck", Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: "s3:GetBucketAcl", Resource: trailBucket.attrArn },
          {
            Sid: "Write",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: \`\${trailBucket.attrArn}/AWSLogs/\${cdk.Aws.ACCOUNT_ID}/*\`,
            Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control" } },
          },
          {
            Sid: "DenyInsecureTransport",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            Resource: [trailBucket.attrArn, \`\${trailBucket.attrArn}/*\`],
            Condition: { Bool: { "aws:SecureTransport": "false" } },
          },
        ],
      },
    });

    const trailLogs = new logs.CfnLogGroup(this, "cloudtrail-logs", {
      logGroupName: \`/phi/\${name}/cloudtrail\`,
      retentionInDays: 2192,
      kmsKeyId: auditKey.attrArn,
      tags,
    });
    const trailRole = new iam.CfnRole(this, "cloudtrail-role", { assumeRolePolicyDocument: assumeRole("cloudtrail.amazonaws.com"), tags });
    new iam.CfnRolePolicy(this, "cloudtrail-role-policy", {
      roleName: trailRole.ref,
      policyName: \`\${name}-cloudtrail-role-policy\`,
      policyDocument: {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: trailLogs.attrArn }],
      },
    });
    const trail = new cloudtrail.CfnTrail(this, "trail", {
      trailName: \`\${name}-trail\`,
      isLogging: true,
      s3BucketName: trailBucket.ref,
      kmsKeyId: auditKey.attrArn,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      cloudWatchLogsLogGroupArn: trailLogs.attrArn,
      cloudWatchLogsRoleArn: trailRole.attrArn,
      tags,
    });
    trail.addResourceDependency(trailBucketPolicy);

    this.alarms = new sns.CfnTopic(this, "alarms", { topicName: \`\${name}-alarms\`, kmsMasterKeyId: auditKey.ref, tags });
  }
}

/** One clinical workload: its own key, network, PHI bucket, queues, tables, database and role. */
class Workload extends Construct {
  constructor(scope, name, index, spec, platform) {
    super(scope, name);
    const [aurora, tableCount, queueCount] = spec;
    const tags = tagList(name);
    const key = newKey(this, "data", \`\${name}-data\`, [\`logs.\${region}.amazonaws.com\`, "rds.amazonaws.com", "dynamodb.amazonaws.com", "sqs.amazonaws.com"], tags);

    // Network: a /20 per unit, two private /24 subnets, no internet gateway.
    const octet2 = index >> 4;
    const octet3 = (index & 15) << 4;
    const vpc = new ec2.CfnVPC(this, "vpc", {
      cidrBlock: \`10.\${octet2}.\${octet3}.0/20\`,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      tags: tagList(name, { Name: \`\${name}-vpc\` }),
    });
    const routeTable = new ec2.CfnRouteTable(this, "private-rt", { vpcId: vpc.ref, tags });
    const subnets = ["a", "b"].map((az, i) => {
      const subnet = new ec2.CfnSubnet(this, \`private-\${az}\`, {
        vpcId: vpc.ref,
        cidrBlock: \`10.\${octet2}.\${octet3 + i}.0/24\`,
        availabilityZone: \`\${region}\${az}\`,
        mapPublicIpOnLaunch: false,
        tags: tagList(name, { Name: \`\${name}-private-\${az}\`, tier: "private" }),
      });
      new ec2.CfnSubnetRouteTableAssociation(this, \`private-\${az}-rta\`, { subnetId: subnet.ref, routeTableId: routeTable.ref });
      return subnet;
    });
    const appSg = new ec2.CfnSecurityGroup(this, "app-sg", {
      vpcId: vpc.ref,
      groupDescription: \`\${name} application tier\`,
      securityGroupEgress: [{ ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIp: "0.0.0.0/0", description: "HTTPS to AWS APIs" }],
      tags,
    });
    const dbSg = new ec2.CfnSecurityGroup(this, "db-sg", { vpcId: vpc.ref, groupDescription: \`\${name} database tier\`, tags });
    new ec2.CfnSecurityGroupIngress(this, "db-from-app", {
      groupId: dbSg.attrGroupId,
      sourceSecurityGroupId: appSg.attrGroupId,
      ipProtocol: "tcp",
      fromPort: 5432,
      toPort: 5432,
      description: "PostgreSQL from the application tier",
    });

    // VPC flow logs into an encrypted log group.
    const flowLogs = new logs.CfnLogGroup(this, "flow-logs", {
      logGroupName: \`/phi/\${name}/vpc-flow-logs\`,
      retentionInDays: 365,
      kmsKeyId: key.attrArn,
      tags,
    });
    const flowRole = new iam.CfnRole(this, "flow-logs-role", { assumeRolePolicyDocument: assumeRole("vpc-flow-logs.amazonaws.com"), tags });
    new iam.CfnRolePolicy(this, "flow-logs-policy", {
      roleName: flowRole.ref,
      policyName: \`\${name}-flow-logs-policy\`,
      policyDocument: {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"], Resource: flowLogs.attrArn }],
      },
    });
    new ec2.CfnFlowLog(this, "flow-log", {
      resourceId: vpc.ref,
      resourceType: "VPC",
      trafficType: "ALL",
      logDestinationType: "cloud-watch-logs",
      logDestination: flowLogs.attrArn,
      deliverLogsPermissionArn: flowRole.attrArn,
      tags,
    });

    // PHI bucket, encrypted with the unit's key, access-logged to the platform bucket (another stack: an export/import).
    const bucket = privateBucket(this, "phi", \`\${name}-phi\`, { kmsKey: key }, { bucket: platform.accessLogs, prefix: \`\${name}/\` }, tags);

    // Messaging: a DLQ and work queues redriving to it.
    const dlq = new sqs.CfnQueue(this, "dlq", {
      queueName: \`\${name}-dlq\`,
      kmsMasterKeyId: key.ref,
      kmsDataKeyReusePeriodSeconds: 300,
      messageRetentionPeriod: 1209600,
      tags,
    });
    const queues = Array.from({ length: queueCount }, (_, i) =>
      new sqs.CfnQueue(this, \`queue-\${i}\`, {
        queueName: \`\${name}-queue-\${i}\`,
        kmsMasterKeyId: key.ref,
        kmsDataKeyReusePeriodSeconds: 300,
        visibilityTimeout: 120,
        redrivePolicy: { deadLetterTargetArn: dlq.attrArn, maxReceiveCount: 5 },
        tags,
      }),
    );

    const tables = Array.from({ length: tableCount }, (_, i) =>
      new dynamodb.CfnTable(this, \`table-\${i}\`, {
        tableName: \`\${name}-table-\${i}\`,
        billingMode: "PAY_PER_REQUEST",
        keySchema: [
          { attributeName: "pk", keyType: "HASH" },
          { attributeName: "sk", keyType: "RANGE" },
        ],
        attributeDefinitions: [
          { attributeName: "pk", attributeType: "S" },
          { attributeName: "sk", attributeType: "S" },
        ],
        sseSpecification: { sseEnabled: true, sseType: "KMS", kmsMasterKeyId: key.attrArn },
        pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
        deletionProtectionEnabled: true,
        tags,
      }),
    );

    if (aurora) {
      const subnetGroup = new rds.CfnDBSubnetGroup(this, "db-subnets", {
        dbSubnetGroupDescription: \`\${name} database subnets\`,
        subnetIds: subnets.map((s) => s.ref),
        tags,
      });
      const cluster = new rds.CfnDBCluster(this, "db", {
        dbClusterIdentifier: \`\${name}-db\`,
        engine: "aurora-postgresql",
        engineVersion: "16.4",
        databaseName: "clinical",
        masterUsername: "phiadmin",
        manageMasterUserPassword: true,
        dbSubnetGroupName: subnetGroup.ref,
        vpcSecurityGroupIds: [dbSg.attrGroupId],
        storageEncrypted: true,
        kmsKeyId: key.attrArn,
        backupRetentionPeriod: 35,
        preferredBackupWindow: "03:00-04:00",
        copyTagsToSnapshot: true,
        deletionProtection: true,
        enableIamDatabaseAuthentication: true,
        enableCloudwatchLogsExports: ["postgresql"],
        tags,
      });
      // skipFinalSnapshot: false in Pulumi is CloudFormation's Snapshot deletion policy.
      cluster.cfnOptions.deletionPolicy = cdk.CfnDeletionPolicy.SNAPSHOT;
      for (const role of ["writer", "reader"]) {
        new rds.CfnDBInstance(this, \`db-\${role}\`, {
          dbClusterIdentifier: cluster.ref,
          dbInstanceIdentifier: \`\${name}-db-\${role}\`,
          dbInstanceClass: "db.r6g.large",
          engine: "aurora-postgresql",
          publiclyAccessible: false,
          enablePerformanceInsights: true,
          performanceInsightsKmsKeyId: key.attrArn,
          autoMinorVersionUpgrade: true,
          tags,
        });
      }
    }

    // The application's role: least privilege on this unit's data only (the managed policy attaches itself through Roles).
    const appRole = new iam.CfnRole(this, "app-role", { assumeRolePolicyDocument: assumeRole("ecs-tasks.amazonaws.com"), tags });
    new iam.CfnManagedPolicy(this, "app-policy", {
      description: \`\${name} application data access\`,
      roles: [appRole.ref],
      policyDocument: {
        Version: "2012-10-17",
        Statement: [
          { Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: \`\${bucket.attrArn}/*\` },
          {
            Effect: "Allow",
            Action: ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query", "dynamodb:UpdateItem"],
            Resource: tables.map((t) => t.attrArn),
          },
          { Effect: "Allow", Action: ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage"], Resource: queues.map((q) => q.attrArn) },
          { Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: key.attrArn },
        ],
      },
    });
  }
}

const outdir = path.resolve(process.argv[2] || path.join(__dirname, "cdk.out"));
const app = new cdk.App({
  outdir,
  context: {
    // Run like under \`cdk synth\`: the app prints the validation report (cdk-nag's findings) on stderr and
    // sets exit code 1 when a rule fails, instead of throwing.
    "@aws-cdk/core:appMode": "process",
  },
});
const platformStack = new cdk.Stack(app, "Platform");
const platform = new Platform(platformStack, "platform");
workloadStacks.forEach(([from, to], s) => {
  const stack = new cdk.Stack(app, \`Workloads\${String(s + 1).padStart(2, "0")}\`);
  for (let i = from; i < to; i++) new Workload(stack, \`\${domains[i % domains.length]}-\${String(i).padStart(4, "0")}\`, i, units[i], platform);
});

// cdk-nag 3: the pack is a CDK policy-validation plugin (v2's Aspects.of(app).add(pack) is gone).
cdk.Validations.of(app).addPlugins(new HIPAASecurityChecks(app, { verbose: false }));
app.synth();
// HIPAA findings are this benchmark's expected output, not a failure of the run (phiguard check's exit 1 is the same).
if (process.exitCode === 1) process.exitCode = 0;
`;

/** Writes the CDK app of `estate` into `dir` (created if missing), finding `bench/cdk/node_modules` from this file. */
export function writeCdkApp(dir: string, estate: Estate): void {
  // Compiled to bench/out/js/estate/cdk.js: bench/ is three levels up.
  const pkg = path.relative(path.resolve(dir), path.resolve(__dirname, "..", "..", "..", "cdk", "package.json"));
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(renderCdkApp(estate, pkg))) fs.writeFileSync(path.join(dir, name), text);
}

/** `node bench/out/js/estate/cdk.js <resources> <dir>`: writes that estate's CDK app. */
function main(argv: string[]): void {
  const [countArg, outArg] = argv;
  const count = Number(countArg);
  if (!countArg || !outArg || !Number.isInteger(count)) {
    process.stderr.write("usage: node cdk.js <resources> <out-dir>\n");
    process.exitCode = 2;
    return;
  }
  const estate = planEstate(count);
  writeCdkApp(outArg, estate);
  const plan = planCdk(estate);
  process.stdout.write(`${outArg}: ${plan.resources} CloudFormation resources in ${Object.keys(plan.stacks).length} stacks (Pulumi: ${estate.resources})\n`);
}

if (require.main === module) main(process.argv.slice(2));
