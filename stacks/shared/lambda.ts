/**
 * A Lambda function that handles PHI, built from plain `@pulumi/aws` resources (no phiguard
 * component covers Lambda yet): in the VPC's private subnets behind a security group that only
 * reaches AWS services over HTTPS, environment encrypted with the CMK, reserved concurrency, a
 * dead-letter queue, X-Ray tracing, and its own log group (CMK, kept `logRetentionDays`).
 *
 * Resource names (`<name>` is the function's logical name):
 * `<name>-role`, `<name>-role-vpc-access`, `<name>-role-xray`, `<name>-role-policy`, `<name>-logs`,
 * `<name>-sg`, `<name>-function`.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { partitionOf, type EnvelopeKey, type MultiRegionNetwork } from "../../components";

/** A statement of the function's role policy (resources known at preview, so the pack can read it). */
export interface Statement {
  readonly Sid: string;
  readonly Effect: "Allow";
  readonly Action: readonly string[];
  readonly Resource: pulumi.Input<string> | readonly pulumi.Input<string>[];
}

export interface VpcFunctionArgs {
  readonly region: string;
  readonly key: EnvelopeKey;
  readonly tags: Readonly<Record<string, string>>;
  readonly description: string;
  /** Physical function name (at most 64 characters). */
  readonly functionName: string;
  /** The handler's source (`index.js`, CommonJS, exports `handler`). */
  readonly source: string;
  readonly environment: Readonly<Record<string, pulumi.Input<string>>>;
  /** Concurrency reserved for (and capping) the function. */
  readonly reservedConcurrency: number;
  /** @default 30 seconds */
  readonly timeoutSeconds?: number;
  /** @default 256 MB */
  readonly memoryMb?: number;
  /** Where failed asynchronous invocations go (an encrypted PhiQueue DLQ). */
  readonly deadLetterQueueArn: pulumi.Input<string>;
  /** What the function may do, besides VPC networking, X-Ray and its own logs. */
  readonly statements: readonly Statement[];
  readonly vpc: {
    readonly vpcId: pulumi.Input<string>;
    readonly subnetIds: readonly pulumi.Input<string>[];
    /** Gateway endpoint prefix lists (S3, DynamoDB) the function reaches on 443. */
    readonly prefixListIds: readonly pulumi.Input<string>[];
    /** The VPC CIDR (interface endpoints such as KMS) the function reaches on 443. */
    readonly cidr: string;
  };
  /** @default 2192 days (6 years, a value CloudWatch Logs accepts) */
  readonly logRetentionDays?: number;
  /** Test hook: leave the environment encrypted with the AWS managed key (no `kmsKeyArn`). */
  readonly unencryptedEnvironment?: boolean;
  /** Test hook: run the function outside the VPC (no `vpcConfig`). */
  readonly outsideVpc?: boolean;
}

export interface VpcFunction {
  readonly function: aws.lambda.Function;
  readonly role: aws.iam.Role;
  readonly logGroup: aws.cloudwatch.LogGroup;
  readonly securityGroup: aws.ec2.SecurityGroup;
}

/** Six years: HIPAA's documentation retention, rounded up to a value CloudWatch Logs accepts. */
export const LOG_RETENTION_DAYS = 2192;

export function vpcFunction(name: string, args: VpcFunctionArgs, opts: pulumi.CustomResourceOptions = {}): VpcFunction {
  const { region, tags } = args;
  const partition = partitionOf(region);
  const role = new aws.iam.Role(
    `${name}-role`,
    {
      description: args.description,
      assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Sid: "AssumedByLambda", Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
      }),
      maxSessionDuration: 3600,
      tags,
    },
    opts,
  );
  const attachments = [
    new aws.iam.RolePolicyAttachment(
      `${name}-role-vpc-access`,
      { role: role.name, policyArn: `arn:${partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole` },
      opts,
    ),
    new aws.iam.RolePolicyAttachment(`${name}-role-xray`, { role: role.name, policyArn: `arn:${partition}:iam::aws:policy/AWSXRayDaemonWriteAccess` }, opts),
  ];
  const policy = new aws.iam.RolePolicy(
    `${name}-role-policy`,
    { role: role.id, policy: pulumi.jsonStringify({ Version: "2012-10-17", Statement: args.statements }) },
    opts,
  );

  const logGroup = new aws.cloudwatch.LogGroup(
    `${name}-logs`,
    {
      region,
      name: `/aws/lambda/${args.functionName}`,
      retentionInDays: args.logRetentionDays ?? LOG_RETENTION_DAYS,
      kmsKeyId: args.key.arnFor(region),
      tags,
    },
    opts,
  );

  const securityGroup = new aws.ec2.SecurityGroup(
    `${name}-sg`,
    {
      region,
      vpcId: args.vpc.vpcId,
      description: `${args.functionName}: no inbound; HTTPS to AWS service endpoints only`,
      ingress: [],
      egress: [
        { description: "HTTPS to S3/DynamoDB gateway endpoints", protocol: "tcp", fromPort: 443, toPort: 443, prefixListIds: [...args.vpc.prefixListIds] },
        { description: "HTTPS to interface endpoints in the VPC", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: [args.vpc.cidr] },
      ],
      revokeRulesOnDelete: true,
      tags: { ...tags, Name: `${name}-sg` },
    },
    opts,
  );

  const fn = new aws.lambda.Function(
    `${name}-function`,
    {
      region,
      name: args.functionName,
      description: args.description,
      role: role.arn,
      runtime: "nodejs22.x",
      architectures: ["arm64"],
      handler: "index.handler",
      code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.StringAsset(args.source) }),
      timeout: args.timeoutSeconds ?? 30,
      memorySize: args.memoryMb ?? 256,
      reservedConcurrentExecutions: args.reservedConcurrency,
      environment: { variables: { ...args.environment } },
      ...(args.unencryptedEnvironment ? {} : { kmsKeyArn: args.key.arnFor(region) }),
      deadLetterConfig: { targetArn: args.deadLetterQueueArn },
      tracingConfig: { mode: "Active" },
      loggingConfig: { logFormat: "JSON", logGroup: logGroup.name, applicationLogLevel: "INFO", systemLogLevel: "WARN" },
      ...(args.outsideVpc ? {} : { vpcConfig: { subnetIds: [...args.vpc.subnetIds], securityGroupIds: [securityGroup.id] } }),
      tags,
    },
    { ...opts, dependsOn: [...attachments, policy, logGroup] },
  );
  return { function: fn, role, logGroup, securityGroup };
}

/** The network side of `VpcFunctionArgs` for the private subnets of one region of a MultiRegionNetwork. */
export function functionNetwork(network: MultiRegionNetwork, region: string): VpcFunctionArgs["vpc"] {
  const regional = network.byRegion[region];
  const s3 = regional?.endpoints["s3"];
  const dynamodb = regional?.endpoints["dynamodb"];
  if (!regional || !s3 || !dynamodb || regional.subnets.private.length === 0) {
    throw new Error(`stack: network "${pulumi.resourceName(network)}" has no private subnets or S3/DynamoDB gateway endpoints in ${region}.`);
  }
  return {
    vpcId: regional.vpc.id,
    subnetIds: regional.subnets.private.map((s) => s.id),
    prefixListIds: [s3.prefixListId, dynamodb.prefixListId],
    cidr: regional.cidr,
  };
}
