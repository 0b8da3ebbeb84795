/**
 * `AuditTrail`: the account's HIPAA audit trail. A multi-region CloudTrail trail (global service
 * events included, log-file validation on, SSE-KMS with the CMK) that delivers to a `PhiBucket`
 * locked in Object Lock COMPLIANCE mode and to a KMS-encrypted CloudWatch log group, and records
 * S3 data events (advanced event selectors) of the PHI buckets given.
 *
 * Children (names are a public contract; `<name>` is the component's name):
 * - `<name>-archive`                `PhiBucket` (COMPLIANCE mode), whose children are `<name>-archive-bucket`, ...
 * - `<name>-log-group`              `aws.cloudwatch.LogGroup`
 * - `<name>-cloudwatch-role`        `aws.iam.Role` (assumed by CloudTrail to write the log group)
 * - `<name>-cloudwatch-role-policy` `aws.iam.RolePolicy`
 * - `<name>-trail`                  `aws.cloudtrail.Trail`
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { EnvelopeKey, ServicePrincipalAccess } from "../keys";
import { conventionTags, type TaggingArgs } from "../tags";
import {
  accountIdOf,
  checkInteger,
  checkProviders,
  childOptions,
  describe,
  homeRegion,
  InvalidArgumentError,
  partitionFor,
  serviceTrustPolicy,
  shortName,
  stackScopedBase,
  type IamStatement,
  type RegionProviders,
} from "../storage/common";
import type { BucketLifecycleArgs, LifecyclePresetName } from "../storage/lifecycle";
import { MAX_OBJECT_LOCK_DAYS, PhiBucket } from "../storage/phiBucket";

export const AUDIT_TRAIL_TYPE = "phiguard:audit:AuditTrail";

/** Retention periods CloudWatch Logs accepts, in days. */
export const CLOUDWATCH_RETENTION_DAYS: readonly number[] = Object.freeze([
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
]);

/** Six years: HIPAA's retention of required documentation (§164.316(b)(2)(i)). */
export const HIPAA_RETENTION_DAYS = 2190;

/**
 * The key-policy entry CloudTrail needs to encrypt log files with the EnvelopeKey (pass it in the
 * key's `servicePrincipals`): data keys and key description, only for trails of this account.
 */
export const CLOUDTRAIL_KEY_ACCESS: ServicePrincipalAccess = Object.freeze({
  service: "cloudtrail",
  actions: ["kms:GenerateDataKey*", "kms:DescribeKey"],
  conditions: { StringLike: { "aws:SourceArn": "arn:{partition}:cloudtrail:*:{account}:trail/*" } },
});

export interface AuditTrailArgs extends TaggingArgs {
  /**
   * The envelope key: log files, the archive bucket (and its replica) and the log group are
   * encrypted with it. It must allow CloudWatch Logs (`allowCloudWatchLogs: true`) and CloudTrail
   * (`servicePrincipals: [CLOUDTRAIL_KEY_ACCESS]`).
   */
  readonly key: EnvelopeKey;
  /**
   * Home region of the trail (where the archive bucket and the log group live).
   * @default the key's primary region
   */
  readonly region?: string;
  /**
   * Name of the trail (letters, digits, `.`, `_`, `-`; 3-128 characters).
   * @default `<project>-<stack>-<name>`, known at preview so the bucket policy can name the trail
   */
  readonly trailName?: string;
  /**
   * Days every log file is locked in COMPLIANCE mode: nobody, not even the account root, can
   * delete or overwrite it before then (1-36500).
   * @default 2190 days (6 years), HIPAA's retention of required documentation (§164.316(b)(2)(i))
   */
  readonly retentionDays?: number;
  /**
   * Days the CloudWatch log group keeps events (a value CloudWatch Logs accepts).
   * @default 365 days
   */
  readonly cloudWatchLogsRetentionDays?: number;
  /**
   * PHI buckets whose object-level reads and writes are recorded (S3 data events): `PhiBucket`s
   * (their replicas are included) or bucket ARNs.
   * @default none: management events only
   */
  readonly dataEventBuckets?: readonly (PhiBucket | pulumi.Input<string>)[];
  /**
   * Key prefix of the log files in the archive bucket.
   * @default none: `AWSLogs/<account>/...` at the bucket's root
   */
  readonly s3KeyPrefix?: string;
  /**
   * Storage tiers of the archive bucket (see `PhiBucket`).
   * @default "standard"
   */
  readonly lifecycle?: LifecyclePresetName | BucketLifecycleArgs;
  /**
   * Region of the archive's replica.
   * @default the key's first region other than the trail's
   */
  readonly replicaRegion?: string;
  /**
   * Do not replicate the archive bucket to another region. HIPAA consequence: losing the home
   * region loses the audit evidence of §164.312(b) with it.
   * @default false: the archive is replicated, still under COMPLIANCE lock
   */
  readonly skipReplication?: boolean;
  /**
   * Explicit providers per region.
   * @default none: the default provider, with every child's `region` argument set
   */
  readonly providers?: RegionProviders;
}

const TRAIL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{1,126}[A-Za-z0-9]$/;
const S3_BUCKET_ARN = /^arn:aws(-cn|-us-gov)?:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export class AuditTrail extends pulumi.ComponentResource {
  public readonly region: string;
  public readonly trailName: string;
  public readonly trail: aws.cloudtrail.Trail;
  public readonly trailArn: pulumi.Output<string>;
  /** The COMPLIANCE-locked archive of log files. */
  public readonly archive: PhiBucket;
  public readonly bucketName: pulumi.Output<string>;
  public readonly logGroup: aws.cloudwatch.LogGroup;
  public readonly logGroupName: string;
  public readonly cloudWatchRole: aws.iam.Role;
  public readonly retentionDays: number;

  constructor(name: string, args: AuditTrailArgs, opts?: pulumi.ComponentResourceOptions) {
    const where = describe(AUDIT_TRAIL_TYPE, name);
    if (!args || !args.key) throw new InvalidArgumentError(`${where}: no key given; expected \`key\`: an EnvelopeKey that allows CloudTrail and CloudWatch Logs.`);
    const key = args.key;
    const region = homeRegion(where, key, args.region);
    if (!key.allowsCloudWatchLogs) {
      throw new InvalidArgumentError(
        `${where}: the EnvelopeKey does not allow CloudWatch Logs, so the trail's log group cannot be encrypted with it; expected an EnvelopeKey created with allowCloudWatchLogs: true (and servicePrincipals: [CLOUDTRAIL_KEY_ACCESS]).`,
      );
    }
    const retentionDays = args.retentionDays ?? HIPAA_RETENTION_DAYS;
    if (retentionDays === 0) {
      throw new InvalidArgumentError(`${where}: retentionDays 0; expected a COMPLIANCE retention of 1 to ${MAX_OBJECT_LOCK_DAYS} days (audit logs must stay immutable for a period).`);
    }
    checkInteger(where, "retentionDays", retentionDays, 1, MAX_OBJECT_LOCK_DAYS, "days", "S3 Object Lock COMPLIANCE retention");
    const cwRetention = args.cloudWatchLogsRetentionDays ?? 365;
    if (!CLOUDWATCH_RETENTION_DAYS.includes(cwRetention)) {
      throw new InvalidArgumentError(
        `${where}: cloudWatchLogsRetentionDays ${String(cwRetention)} is not a retention CloudWatch Logs accepts; expected one of ${CLOUDWATCH_RETENTION_DAYS.join(", ")}.`,
      );
    }
    const trailName = args.trailName ?? shortName(stackScopedBase(name), "", 128, (t) => t.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[^A-Za-z0-9]+/, ""));
    if (!TRAIL_NAME.test(trailName) || /[._-]{2}/.test(trailName)) {
      throw new InvalidArgumentError(
        `${where}: trailName "${trailName}" is invalid; expected 3-128 letters, digits, ".", "_" or "-", starting and ending with a letter or digit, without adjacent punctuation.`,
      );
    }
    const prefix = args.s3KeyPrefix;
    if (prefix !== undefined && (prefix === "" || prefix.startsWith("/") || prefix.endsWith("/") || prefix.length > 200)) {
      throw new InvalidArgumentError(`${where}: s3KeyPrefix "${prefix}" is invalid; expected 1-200 characters without a leading or trailing "/".`);
    }
    const dataBuckets = args.dataEventBuckets ?? [];
    for (const entry of dataBuckets) {
      if (typeof entry === "string" && !S3_BUCKET_ARN.test(entry)) {
        throw new InvalidArgumentError(`${where}: dataEventBuckets entry "${entry}" is not an S3 bucket ARN; expected e.g. "arn:aws:s3:::my-phi-bucket" or a PhiBucket.`);
      }
    }
    checkProviders(where, args.providers, key.regions);
    const tags = conventionTags({ type: AUDIT_TRAIL_TYPE, name }, args);

    super(AUDIT_TRAIL_TYPE, name, {}, opts);
    this.region = region;
    this.trailName = trailName;
    this.retentionDays = retentionDays;
    const partition = partitionFor(region);
    const accountId = accountIdOf(this, args.providers, region);
    const trailArn = pulumi.interpolate`arn:${partition}:cloudtrail:${region}:${accountId}:trail/${trailName}`;
    const logPath = prefix === undefined ? "AWSLogs" : `${prefix}/AWSLogs`;

    this.archive = new PhiBucket(
      `${name}-archive`,
      {
        key,
        region,
        objectLock: { mode: "COMPLIANCE", retentionDays },
        ...(args.lifecycle !== undefined ? { lifecycle: args.lifecycle } : {}),
        ...(args.replicaRegion !== undefined ? { replicaRegion: args.replicaRegion } : {}),
        ...(args.skipReplication === true ? { skipReplication: true } : {}),
        ...(args.providers !== undefined ? { providers: args.providers } : {}),
        dataClassification: tags["data-classification"] as TaggingArgs["dataClassification"],
        owner: tags.owner,
        environment: tags.environment,
        ...(args.tags !== undefined ? { tags: args.tags } : {}),
        kmsHeaderExemptServices: ["cloudtrail.amazonaws.com"],
        additionalPolicyStatements: (ctx) => cloudTrailBucketStatements(ctx.bucketArn, `arn:${ctx.partition}:cloudtrail:${region}:${ctx.accountId}:trail/${trailName}`, `${logPath}/${ctx.accountId}`),
      },
      { parent: this },
    );
    this.bucketName = this.archive.bucketName;

    this.logGroupName = `/aws/cloudtrail/${trailName}`;
    this.logGroup = new aws.cloudwatch.LogGroup(
      `${name}-log-group`,
      {
        region,
        name: this.logGroupName,
        kmsKeyId: key.arnFor(region),
        retentionInDays: cwRetention,
        logGroupClass: "STANDARD",
        deletionProtectionEnabled: true,
        tags,
      },
      childOptions(this, args.providers, region),
    );
    const logGroupArn = pulumi.interpolate`arn:${partition}:logs:${region}:${accountId}:log-group:${this.logGroupName}`;
    this.cloudWatchRole = new aws.iam.Role(
      `${name}-cloudwatch-role`,
      {
        description: `CloudTrail ${trailName} delivery to CloudWatch Logs`,
        assumeRolePolicy: serviceTrustPolicy("cloudtrail.amazonaws.com"),
        maxSessionDuration: 3600,
        tags,
      },
      childOptions(this, args.providers, undefined),
    );
    const rolePolicy = new aws.iam.RolePolicy(
      `${name}-cloudwatch-role-policy`,
      {
        role: this.cloudWatchRole.id,
        policy: logGroupArn.apply((arn) =>
          JSON.stringify({
            Version: "2012-10-17",
            Statement: [
              {
                Sid: "WriteTrailEvents",
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                Resource: `${arn}:log-stream:*`,
              },
            ],
          }),
        ),
      },
      childOptions(this, args.providers, undefined),
    );

    const dataArns = dataBuckets.flatMap((entry): pulumi.Input<string>[] =>
      entry instanceof PhiBucket ? [entry.arn, ...(entry.replica ? [entry.replica.arn] : [])] : [entry],
    );
    const selectors: pulumi.Input<aws.types.input.cloudtrail.TrailAdvancedEventSelector>[] = [
      { name: "Management events", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] },
    ];
    if (dataArns.length > 0) {
      selectors.push({
        name: "PHI object access",
        fieldSelectors: [
          { field: "eventCategory", equals: ["Data"] },
          { field: "resources.type", equals: ["AWS::S3::Object"] },
          { field: "resources.ARN", startsWiths: dataArns.map((arn) => pulumi.interpolate`${arn}/`) },
        ],
      });
    }

    this.trail = new aws.cloudtrail.Trail(
      `${name}-trail`,
      {
        region,
        name: trailName,
        s3BucketName: this.archive.bucketName,
        ...(prefix !== undefined ? { s3KeyPrefix: prefix } : {}),
        isMultiRegionTrail: true,
        includeGlobalServiceEvents: true,
        isOrganizationTrail: false,
        enableLogFileValidation: true,
        enableLogging: true,
        kmsKeyId: key.arnFor(region),
        cloudWatchLogsGroupArn: pulumi.interpolate`${this.logGroup.arn}:*`,
        cloudWatchLogsRoleArn: this.cloudWatchRole.arn,
        advancedEventSelectors: selectors,
        tags,
      },
      childOptions(this, args.providers, region, { dependsOn: [this.archive.primary.policy, rolePolicy] }),
    );
    this.trailArn = trailArn;
    this.registerOutputs({ region, trailName, trailArn, bucketName: this.bucketName, logGroupName: this.logGroupName });
  }
}

/** The bucket policy statements CloudTrail needs (AWS's documented policy, scoped to one trail). */
export function cloudTrailBucketStatements(bucketArn: string, trailArn: string, logPath: string): IamStatement[] {
  return [
    {
      Sid: "CloudTrailAclCheck",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "s3:GetBucketAcl",
      Resource: bucketArn,
      Condition: { StringEquals: { "aws:SourceArn": trailArn } },
    },
    {
      Sid: "CloudTrailWrite",
      Effect: "Allow",
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: `${bucketArn}/${logPath}/*`,
      Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceArn": trailArn } },
    },
  ];
}
