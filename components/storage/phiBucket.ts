/**
 * `PhiBucket`: an S3 bucket for PHI, secure by default.
 *
 * Children (names are a public contract; `<name>` is the component's name). Every bucket the
 * component makes (`<b>` = `<name>`, `<name>-logs`, `<name>-replica`, `<name>-replica-logs`) has:
 * - `<b>-bucket`                 `aws.s3.Bucket`
 * - `<b>-ownership-controls`     `aws.s3.BucketOwnershipControls` (BucketOwnerEnforced: no ACLs)
 * - `<b>-public-access-block`    `aws.s3.BucketPublicAccessBlock` (all four settings on)
 * - `<b>-versioning`             `aws.s3.BucketVersioning`
 * - `<b>-sse`                    `aws.s3.BucketServerSideEncryptionConfiguration` (SSE-KMS, bucket keys)
 * - `<b>-object-lock`            `aws.s3.BucketObjectLockConfiguration` (not on access-log buckets)
 * - `<b>-policy`                 `aws.s3.BucketPolicy`
 * - `<b>-logging`                `aws.s3.BucketLogging` (not on access-log buckets)
 * - `<b>-lifecycle`              `aws.s3.BucketLifecycleConfiguration`
 * and, with replication:
 * - `<name>-replication-role`          `aws.iam.Role`
 * - `<name>-replication-role-policy`   `aws.iam.RolePolicy`
 * - `<name>-replication`               `aws.s3.BucketReplicationConfig`
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { EnvelopeKey, ServicePrincipalAccess } from "../keys";
import { conventionTags, DATA_CLASSIFICATIONS, TAG_KEYS, type DataClassification, type TaggingArgs } from "../tags";
import { accessLogDeliveryStatement, buildBucketPolicy, type BucketPolicyContext } from "./bucketPolicy";
import {
  accountIdOf,
  checkInteger,
  checkOneOf,
  checkProviders,
  childOptions,
  describe,
  dnsLabel,
  homeRegion,
  InvalidArgumentError,
  partitionFor,
  secondRegion,
  serviceTrustPolicy,
  shortName,
  stackScopedBase,
  type IamStatement,
  type RegionProviders,
} from "./common";
import { lifecycleRules, type BucketLifecycleArgs, type LifecyclePresetName, type LifecycleRule } from "./lifecycle";

export const PHI_BUCKET_TYPE = "phiguard:storage:PhiBucket";

/**
 * The key-policy entry that lets S3 server access logging write into the SSE-KMS access-log
 * buckets a `PhiBucket` creates: pass it in the EnvelopeKey's `servicePrincipals`.
 */
export const S3_ACCESS_LOG_KEY_ACCESS: ServicePrincipalAccess = Object.freeze({
  service: "logging.s3",
  actions: ["kms:GenerateDataKey*", "kms:Decrypt", "kms:DescribeKey"],
  conditions: { StringEquals: { "aws:SourceAccount": "{account}" } },
});

export const OBJECT_LOCK_MODES = ["GOVERNANCE", "COMPLIANCE"] as const;
export type ObjectLockMode = (typeof OBJECT_LOCK_MODES)[number];

/** Longest default retention S3 Object Lock accepts (100 years). */
export const MAX_OBJECT_LOCK_DAYS = 36500;

export const REPLICA_STORAGE_CLASSES = [
  "STANDARD",
  "STANDARD_IA",
  "INTELLIGENT_TIERING",
  "ONEZONE_IA",
  "GLACIER_IR",
  "GLACIER",
  "DEEP_ARCHIVE",
] as const;
export type ReplicaStorageClass = (typeof REPLICA_STORAGE_CLASSES)[number];

export interface ObjectLockArgs {
  /**
   * `GOVERNANCE`: locked versions cannot be overwritten or deleted before their retention ends,
   * except by principals allowed `s3:BypassGovernanceRetention`. `COMPLIANCE`: nobody, not even the
   * account root, can delete them or shorten the retention (use for audit evidence).
   * @default "GOVERNANCE"
   */
  readonly mode?: ObjectLockMode;
  /**
   * Default retention of every new object version, in days (1-36500).
   * @default 35 days, the same window as the backup retention, long enough to notice and undo a
   * ransomware or accidental deletion
   */
  readonly retentionDays?: number;
}

export interface PhiBucketArgs extends TaggingArgs {
  /** The envelope key: the bucket is encrypted with its key in the bucket's region, the replica with its key in the replica region. */
  readonly key: EnvelopeKey;
  /**
   * Region of the bucket.
   * @default the key's primary region
   */
  readonly region?: string;
  /**
   * Physical (globally unique) bucket name. The access-log, replica and replica access-log buckets
   * are named `<bucketName>-logs`, `<bucketName>-replica` and `<bucketName>-replica-logs`.
   * @default `<project>-<stack>-<name>-<account>-<region>` (cut and hashed beyond 63 characters),
   * known at preview so the bucket policy can be checked offline
   */
  readonly bucketName?: string;
  /**
   * Object Lock default retention (Object Lock is always enabled unless `disableObjectLock`).
   * @default GOVERNANCE mode, 35 days
   */
  readonly objectLock?: ObjectLockArgs;
  /**
   * Create the bucket (and its replica) WITHOUT Object Lock. HIPAA consequence: object versions can
   * be deleted or overwritten at once by anyone with delete permissions, so ransomware or an
   * insider can destroy PHI and the integrity control of §164.312(c)(1) rests on IAM alone. Object
   * Lock can only be enabled when a bucket is created.
   * @default false: Object Lock on
   */
  readonly disableObjectLock?: boolean;
  /**
   * Drop the bucket policy's denial of plain-HTTP requests and of TLS older than 1.2. HIPAA
   * consequence: PHI may cross the network unencrypted or over weak TLS, failing the transmission
   * security standard §164.312(e)(1).
   * @default false: only TLS 1.2+ requests are allowed
   */
  readonly allowUnencryptedTransport?: boolean;
  /**
   * Name of an existing bucket in the same region (and account) that receives the server access
   * logs. It must let `logging.s3.amazonaws.com` write (bucket policy) and must not have an Object
   * Lock default retention.
   * @default a `<name>-logs` bucket is created with the same hardening (minus logging to itself
   * and Object Lock default retention, which S3 log delivery does not support)
   */
  readonly accessLogBucket?: pulumi.Input<string>;
  /**
   * Data classification tag of the access-log buckets the component creates. Access logs are audit
   * records (requester, time, operation, object key), not PHI, as long as object keys carry no PHI.
   * @default "confidential": so PHI-only controls (Object Lock, replication, PHI backups) do not
   * apply to them; set "phi" if object keys may contain PHI
   */
  readonly accessLogDataClassification?: DataClassification;
  /**
   * Key prefix of the access logs in the log bucket.
   * @default `<bucketName>/` (date-partitioned by event time)
   */
  readonly accessLogPrefix?: string;
  /**
   * Turn server access logging off. HIPAA consequence: there is no record of who read or wrote which
   * PHI object (audit controls, §164.312(b)), unless CloudTrail data events cover the bucket.
   * @default false: access logs are written
   */
  readonly disableAccessLogging?: boolean;
  /**
   * Storage tiers: a preset (`standard`, `imaging`, `none`) or explicit tiers.
   * @default "standard": current versions to Standard-IA after 90 days, noncurrent versions to
   * Glacier Instant Retrieval after 30, incomplete multipart uploads aborted after 7; nothing expires
   */
  readonly lifecycle?: LifecyclePresetName | BucketLifecycleArgs;
  /**
   * Region of the replica bucket (must be a region of the key).
   * @default the key's first region other than the bucket's
   */
  readonly replicaRegion?: string;
  /**
   * Existing bucket in the replica region that receives the replica's access logs.
   * @default a `<name>-replica-logs` bucket is created in the replica region
   */
  readonly replicaAccessLogBucket?: pulumi.Input<string>;
  /**
   * Storage class of the replicas.
   * @default "STANDARD", so a regional failover reads at full speed
   */
  readonly replicaStorageClass?: ReplicaStorageClass;
  /**
   * Do not replicate to another region. HIPAA consequence: a regional outage or loss leaves no
   * readable copy of the PHI in this bucket, weakening the contingency plan (§164.308(a)(7): data
   * backup and disaster recovery) to whatever backups exist.
   * @default false: every object is replicated, encrypted with the replica region's key
   */
  readonly skipReplication?: boolean;
  /**
   * Extra statements of the bucket's policy (not of its replica), e.g. a service's write access.
   * Called with plain strings known at preview.
   * @default none
   */
  readonly additionalPolicyStatements?: (context: BucketPolicyContext) => readonly IamStatement[];
  /**
   * Service principals (e.g. `cloudtrail.amazonaws.com`) whose writes may omit the `aws:kms`
   * encryption header, for services that cannot send it (CloudTrail writes digest files with
   * SSE-S3). Objects without a header still get the bucket's default SSE-KMS encryption.
   * @default none: every upload must ask for `aws:kms`
   */
  readonly kmsHeaderExemptServices?: readonly string[];
  /**
   * Explicit providers per region.
   * @default none: the default provider, with every child's `region` argument set
   */
  readonly providers?: RegionProviders;
}

/** One bucket and its configuration resources. */
export interface HardenedBucket {
  readonly region: string;
  readonly bucket: aws.s3.Bucket;
  /** The bucket's name (known at preview). */
  readonly bucketName: pulumi.Output<string>;
  /** The bucket's ARN (known at preview). */
  readonly arn: pulumi.Output<string>;
  readonly ownershipControls: aws.s3.BucketOwnershipControls;
  readonly publicAccessBlock: aws.s3.BucketPublicAccessBlock;
  readonly versioning: aws.s3.BucketVersioning;
  readonly serverSideEncryption: aws.s3.BucketServerSideEncryptionConfiguration;
  readonly objectLock?: aws.s3.BucketObjectLockConfiguration;
  readonly policy: aws.s3.BucketPolicy;
  readonly logging?: aws.s3.BucketLogging;
  readonly lifecycle: aws.s3.BucketLifecycleConfiguration;
}

interface HardenSpec {
  readonly prefix: string;
  readonly region: string;
  readonly physicalName: pulumi.Output<string>;
  readonly keyArn: pulumi.Output<string>;
  readonly objectLock?: Required<ObjectLockArgs>;
  readonly requireTls: boolean;
  readonly logging?: { readonly targetBucket: pulumi.Input<string>; readonly targetPrefix: pulumi.Input<string>; readonly dependsOn?: pulumi.Resource };
  readonly lifecycle: readonly LifecycleRule[];
  readonly kmsHeaderExemptServices: readonly string[];
  readonly extraStatements?: (context: BucketPolicyContext) => readonly IamStatement[];
  /** Names of the buckets whose server access logs this bucket receives. */
  readonly logSources?: readonly pulumi.Output<string>[];
  /** Tags of the bucket (the component's unless told). */
  readonly tags?: Record<string, string>;
}

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export class PhiBucket extends pulumi.ComponentResource {
  public readonly region: string;
  /** Region of the replica; undefined when `skipReplication`. */
  public readonly replicaRegion?: string;
  /** The PHI bucket. */
  public readonly bucket: aws.s3.Bucket;
  public readonly bucketName: pulumi.Output<string>;
  public readonly arn: pulumi.Output<string>;
  /** The key ARN the bucket is encrypted with. */
  public readonly kmsKeyArn: pulumi.Output<string>;
  /** The Object Lock default retention; undefined when `disableObjectLock`. */
  public readonly objectLock?: Required<ObjectLockArgs>;
  /** The PHI bucket and its configuration. */
  public readonly primary: HardenedBucket;
  /** The created access-log bucket (undefined when given or disabled). */
  public readonly accessLogs?: HardenedBucket;
  /** Name of the bucket receiving the access logs (undefined when disabled). */
  public readonly accessLogBucketName?: pulumi.Output<string>;
  public readonly replica?: HardenedBucket;
  public readonly replicaAccessLogs?: HardenedBucket;
  public readonly replicationRole?: aws.iam.Role;
  public readonly replication?: aws.s3.BucketReplicationConfig;

  private readonly providers: RegionProviders | undefined;
  private readonly tags: Record<string, string>;
  private readonly accountId: pulumi.Output<string>;

  constructor(name: string, args: PhiBucketArgs, opts?: pulumi.ComponentResourceOptions) {
    const where = describe(PHI_BUCKET_TYPE, name);
    if (!args || !args.key) throw new InvalidArgumentError(`${where}: no key given; expected \`key\`: an EnvelopeKey spanning the bucket's (and replica's) regions.`);
    const key = args.key;
    const region = homeRegion(where, key, args.region);

    if (args.disableObjectLock === true && args.objectLock !== undefined) {
      throw new InvalidArgumentError(`${where}: objectLock and disableObjectLock: true were both given; expected one of them.`);
    }
    let objectLock: Required<ObjectLockArgs> | undefined;
    if (args.disableObjectLock !== true) {
      const mode = args.objectLock?.mode ?? "GOVERNANCE";
      checkOneOf(where, "objectLock.mode", mode, OBJECT_LOCK_MODES);
      const retentionDays = args.objectLock?.retentionDays ?? 35;
      if (mode === "COMPLIANCE" && retentionDays === 0) {
        throw new InvalidArgumentError(
          `${where}: objectLock.retentionDays 0 with COMPLIANCE mode; expected a retention of 1 to ${MAX_OBJECT_LOCK_DAYS} days (a compliance lock without retention protects nothing), or disableObjectLock: true.`,
        );
      }
      checkInteger(where, "objectLock.retentionDays", retentionDays, 1, MAX_OBJECT_LOCK_DAYS, "days", "S3 Object Lock default retention");
      objectLock = { mode, retentionDays };
    }

    if (args.disableAccessLogging === true && (args.accessLogBucket !== undefined || args.replicaAccessLogBucket !== undefined)) {
      throw new InvalidArgumentError(`${where}: an access log bucket and disableAccessLogging: true were both given; expected one of them.`);
    }
    if (args.skipReplication === true && (args.replicaRegion !== undefined || args.replicaAccessLogBucket !== undefined || args.replicaStorageClass !== undefined)) {
      throw new InvalidArgumentError(`${where}: replica settings and skipReplication: true were both given; expected one of them.`);
    }
    const replicaRegion = args.skipReplication === true ? undefined : secondRegion(where, key, region, args.replicaRegion, "replicaRegion", "skipReplication");
    const replicaStorageClass = args.replicaStorageClass ?? "STANDARD";
    checkOneOf(where, "replicaStorageClass", replicaStorageClass, REPLICA_STORAGE_CLASSES);
    if (args.bucketName !== undefined) checkBucketName(where, args.bucketName);
    if (args.accessLogPrefix !== undefined && (args.accessLogPrefix.length > 900 || args.accessLogPrefix.startsWith("/"))) {
      throw new InvalidArgumentError(`${where}: accessLogPrefix "${args.accessLogPrefix}" is invalid; expected a key prefix without a leading "/" of at most 900 characters.`);
    }
    for (const service of args.kmsHeaderExemptServices ?? []) {
      if (!/^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(service)) {
        throw new InvalidArgumentError(`${where}: kmsHeaderExemptServices entry "${service}" is not a service principal; expected e.g. "cloudtrail.amazonaws.com".`);
      }
    }
    const rules = lifecycleRules(where, args.lifecycle ?? "standard");
    const logClassification = args.accessLogDataClassification ?? "confidential";
    if (!(DATA_CLASSIFICATIONS as readonly string[]).includes(logClassification)) {
      throw new InvalidArgumentError(`${where}: accessLogDataClassification "${String(logClassification)}" is not a known classification; expected one of ${DATA_CLASSIFICATIONS.join(", ")}.`);
    }
    checkProviders(where, args.providers, replicaRegion ? [region, replicaRegion] : [region]);
    const tags = conventionTags({ type: PHI_BUCKET_TYPE, name }, args);

    super(PHI_BUCKET_TYPE, name, {}, opts);
    this.providers = args.providers;
    this.tags = tags;
    this.region = region;
    this.replicaRegion = replicaRegion;
    this.objectLock = objectLock;
    this.accountId = accountIdOf(this, this.providers, region);
    const accountId = this.accountId;

    const defaultName = (suffix: string, inRegion: string): pulumi.Output<string> =>
      args.bucketName !== undefined
        ? pulumi.output(suffix === "" ? args.bucketName : shortName(args.bucketName, suffix, 63, (t) => t))
        : accountId.apply((account) => shortName(`${stackScopedBase(name)}${suffix}`, `-${account}-${inRegion}`, 63, dnsLabel));
    const primaryName = defaultName("", region);
    const replicaName = replicaRegion ? (args.bucketName !== undefined ? defaultName("-replica", replicaRegion) : defaultName("", replicaRegion)) : undefined;
    const exempt = args.kmsHeaderExemptServices ?? [];
    const requireTls = args.allowUnencryptedTransport !== true;
    const logsEnabled = args.disableAccessLogging !== true;
    const logTags = { ...tags, [TAG_KEYS.dataClassification]: logClassification };

    // Access-log bucket of the primary region.
    let accessLogs: HardenedBucket | undefined;
    let primaryLogTarget: pulumi.Input<string> | undefined;
    if (logsEnabled) {
      if (args.accessLogBucket !== undefined) {
        primaryLogTarget = args.accessLogBucket;
      } else {
        accessLogs = this.harden({
          prefix: `${name}-logs`,
          region,
          physicalName: defaultName("-logs", region),
          keyArn: key.arnFor(region),
          requireTls,
          lifecycle: lifecycleRules(where, "standard"),
          kmsHeaderExemptServices: ["logging.s3.amazonaws.com"],
          logSources: [primaryName],
          tags: logTags,
        });
        primaryLogTarget = accessLogs.bucketName;
      }
    }
    this.accessLogs = accessLogs;
    this.accessLogBucketName = primaryLogTarget === undefined ? undefined : pulumi.output(primaryLogTarget);

    this.primary = this.harden({
      prefix: name,
      region,
      physicalName: primaryName,
      keyArn: key.arnFor(region),
      objectLock,
      requireTls,
      lifecycle: rules,
      kmsHeaderExemptServices: exempt,
      extraStatements: args.additionalPolicyStatements,
      ...(primaryLogTarget !== undefined
        ? {
            logging: {
              targetBucket: primaryLogTarget,
              targetPrefix: args.accessLogPrefix ?? primaryName.apply((n) => `${n}/`),
              ...(accessLogs ? { dependsOn: accessLogs.policy } : {}),
            },
          }
        : {}),
    });
    this.bucket = this.primary.bucket;
    this.bucketName = this.primary.bucketName;
    this.arn = this.primary.arn;
    this.kmsKeyArn = key.arnFor(region);

    if (replicaRegion !== undefined && replicaName !== undefined) {
      let replicaAccessLogs: HardenedBucket | undefined;
      let replicaLogTarget: pulumi.Input<string> | undefined;
      if (logsEnabled) {
        if (args.replicaAccessLogBucket !== undefined) {
          replicaLogTarget = args.replicaAccessLogBucket;
        } else {
          replicaAccessLogs = this.harden({
            prefix: `${name}-replica-logs`,
            region: replicaRegion,
            physicalName: args.bucketName !== undefined ? defaultName("-replica-logs", replicaRegion) : defaultName("-logs", replicaRegion),
            keyArn: key.arnFor(replicaRegion),
            requireTls,
            lifecycle: lifecycleRules(where, "standard"),
            kmsHeaderExemptServices: ["logging.s3.amazonaws.com"],
            logSources: [replicaName],
            tags: logTags,
          });
          replicaLogTarget = replicaAccessLogs.bucketName;
        }
      }
      this.replicaAccessLogs = replicaAccessLogs;
      const replica = this.harden({
        prefix: `${name}-replica`,
        region: replicaRegion,
        physicalName: replicaName,
        keyArn: key.arnFor(replicaRegion),
        objectLock,
        requireTls,
        lifecycle: rules,
        kmsHeaderExemptServices: [],
        ...(replicaLogTarget !== undefined
          ? {
              logging: {
                targetBucket: replicaLogTarget,
                targetPrefix: args.accessLogPrefix ?? replicaName.apply((n) => `${n}/`),
                ...(replicaAccessLogs ? { dependsOn: replicaAccessLogs.policy } : {}),
              },
            }
          : {}),
      });
      this.replica = replica;

      const partition = partitionFor(region);
      const role = new aws.iam.Role(
        `${name}-replication-role`,
        {
          description: `S3 replication of PhiBucket ${name} to ${replicaRegion}`,
          assumeRolePolicy: serviceTrustPolicy("s3.amazonaws.com", accountId),
          maxSessionDuration: 3600,
          tags,
        },
        childOptions(this, this.providers, undefined),
      );
      const rolePolicy = new aws.iam.RolePolicy(
        `${name}-replication-role-policy`,
        {
          role: role.id,
          policy: pulumi
            .all([this.primary.arn, replica.arn, key.arnFor(region), key.arnFor(replicaRegion)])
            .apply(([source, destination, sourceKey, destinationKey]) =>
              JSON.stringify(replicationRolePolicy({ partition, region, replicaRegion, source, destination, sourceKey, destinationKey })),
            ),
        },
        childOptions(this, this.providers, undefined),
      );
      this.replicationRole = role;
      this.replication = new aws.s3.BucketReplicationConfig(
        `${name}-replication`,
        {
          region,
          bucket: this.primary.bucket.bucket,
          role: role.arn,
          rules: [
            {
              id: `phi-to-${replicaRegion}`,
              status: "Enabled",
              priority: 1,
              filter: { prefix: "" },
              deleteMarkerReplication: { status: "Disabled" },
              sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: "Enabled" } },
              destination: {
                bucket: pulumi.interpolate`arn:${partition}:s3:::${replica.bucket.bucket}`,
                storageClass: replicaStorageClass,
                encryptionConfiguration: { replicaKmsKeyId: key.arnFor(replicaRegion) },
              },
            },
          ],
        },
        childOptions(this, this.providers, region, { dependsOn: [this.primary.versioning, replica.versioning, rolePolicy] }),
      );
    }

    this.registerOutputs({
      region,
      replicaRegion,
      bucketName: this.bucketName,
      arn: this.arn,
      replicaBucketName: this.replica?.bucketName,
      accessLogBucketName: this.accessLogBucketName,
    });
  }

  /** Creates one bucket with the full hardening. */
  private harden(spec: HardenSpec): HardenedBucket {
    const { prefix, region } = spec;
    const opts = (extra: pulumi.CustomResourceOptions = {}) => childOptions(this, this.providers, region, extra);
    const partition = partitionFor(region);
    const bucket = new aws.s3.Bucket(
      `${prefix}-bucket`,
      {
        region,
        bucket: spec.physicalName,
        objectLockEnabled: spec.objectLock !== undefined,
        forceDestroy: false,
        tags: spec.tags ?? this.tags,
      },
      opts(),
    );
    const name = bucket.bucket;
    const arn = pulumi.interpolate`arn:${partition}:s3:::${name}`;
    const ownershipControls = new aws.s3.BucketOwnershipControls(
      `${prefix}-ownership-controls`,
      { region, bucket: name, rule: { objectOwnership: "BucketOwnerEnforced" } },
      opts(),
    );
    const publicAccessBlock = new aws.s3.BucketPublicAccessBlock(
      `${prefix}-public-access-block`,
      { region, bucket: name, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
      opts(),
    );
    const versioning = new aws.s3.BucketVersioning(
      `${prefix}-versioning`,
      { region, bucket: name, versioningConfiguration: { status: "Enabled" } },
      opts(),
    );
    const serverSideEncryption = new aws.s3.BucketServerSideEncryptionConfiguration(
      `${prefix}-sse`,
      {
        region,
        bucket: name,
        rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: spec.keyArn }, bucketKeyEnabled: true }],
      },
      opts(),
    );
    const objectLock = spec.objectLock
      ? new aws.s3.BucketObjectLockConfiguration(
          `${prefix}-object-lock`,
          {
            region,
            bucket: name,
            objectLockEnabled: "Enabled",
            rule: { defaultRetention: { mode: spec.objectLock.mode, days: spec.objectLock.retentionDays } },
          },
          opts({ dependsOn: [versioning] }),
        )
      : undefined;
    const policy = new aws.s3.BucketPolicy(
      `${prefix}-policy`,
      {
        region,
        bucket: name,
        policy: pulumi.all([name, this.accountId, pulumi.all([...(spec.logSources ?? [])])]).apply(([bucketName, accountId, logSources]: [string, string, string[]]) => {
          const context: BucketPolicyContext = { bucketName, bucketArn: bucketArn(partition, bucketName), accountId, partition, region };
          const extra = [
            ...(logSources.length > 0 ? [accessLogDeliveryStatement(context.bucketArn, logSources.map((n) => bucketArn(partition, n)), accountId)] : []),
            ...(spec.extraStatements ? spec.extraStatements(context) : []),
          ];
          return JSON.stringify(
            buildBucketPolicy({
              bucketArn: context.bucketArn,
              requireTls: spec.requireTls,
              kmsHeaderExemptServices: spec.kmsHeaderExemptServices,
              extraStatements: extra,
            }),
          );
        }),
      },
      opts({ dependsOn: [publicAccessBlock, ownershipControls] }),
    );
    const logging = spec.logging
      ? new aws.s3.BucketLogging(
          `${prefix}-logging`,
          {
            region,
            bucket: name,
            targetBucket: spec.logging.targetBucket,
            targetPrefix: spec.logging.targetPrefix,
            targetObjectKeyFormat: { partitionedPrefix: { partitionDateSource: "EventTime" } },
          },
          opts(spec.logging.dependsOn ? { dependsOn: [spec.logging.dependsOn] } : {}),
        )
      : undefined;
    const lifecycle = new aws.s3.BucketLifecycleConfiguration(
      `${prefix}-lifecycle`,
      { region, bucket: name, rules: spec.lifecycle.map((r) => ({ ...r })) as aws.types.input.s3.BucketLifecycleConfigurationRule[] },
      opts({ dependsOn: [versioning] }),
    );
    return {
      region,
      bucket,
      bucketName: name,
      arn,
      ownershipControls,
      publicAccessBlock,
      versioning,
      serverSideEncryption,
      ...(objectLock ? { objectLock } : {}),
      policy,
      ...(logging ? { logging } : {}),
      lifecycle,
    };
  }
}

/** A bucket ARN from its name. */
export function bucketArn(partition: string, bucketName: string): string {
  return `arn:${partition}:s3:::${bucketName}`;
}

/** The replication role's permissions (AWS's documented minimum for SSE-KMS and Object Lock). */
export function replicationRolePolicy(input: {
  partition: string;
  region: string;
  replicaRegion: string;
  source: string;
  destination: string;
  sourceKey: string;
  destinationKey: string;
}): { Version: "2012-10-17"; Statement: IamStatement[] } {
  const suffix = input.partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "ReadReplicationConfiguration",
        Effect: "Allow",
        Action: ["s3:GetReplicationConfiguration", "s3:ListBucket"],
        Resource: input.source,
      },
      {
        Sid: "ReadSourceVersions",
        Effect: "Allow",
        Action: [
          "s3:GetObjectVersionForReplication",
          "s3:GetObjectVersionAcl",
          "s3:GetObjectVersionTagging",
          "s3:GetObjectRetention",
          "s3:GetObjectLegalHold",
        ],
        Resource: `${input.source}/*`,
      },
      {
        Sid: "WriteReplicas",
        Effect: "Allow",
        Action: ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"],
        Resource: `${input.destination}/*`,
      },
      {
        Sid: "DecryptWithSourceKey",
        Effect: "Allow",
        Action: "kms:Decrypt",
        Resource: input.sourceKey,
        Condition: {
          StringEquals: { "kms:ViaService": `s3.${input.region}.${suffix}` },
          StringLike: { "kms:EncryptionContext:aws:s3:arn": [input.source, `${input.source}/*`] },
        },
      },
      {
        Sid: "EncryptWithReplicaKey",
        Effect: "Allow",
        Action: ["kms:Encrypt", "kms:GenerateDataKey"],
        Resource: input.destinationKey,
        Condition: {
          StringEquals: { "kms:ViaService": `s3.${input.replicaRegion}.${suffix}` },
          StringLike: { "kms:EncryptionContext:aws:s3:arn": [input.destination, `${input.destination}/*`] },
        },
      },
    ],
  };
}

function checkBucketName(where: string, name: string): void {
  if (
    !BUCKET_NAME.test(name) ||
    name.includes("..") ||
    /^\d+\.\d+\.\d+\.\d+$/.test(name) ||
    name.startsWith("xn--") ||
    name.startsWith("sthree-") ||
    name.endsWith("-s3alias") ||
    name.endsWith("--ol-s3")
  ) {
    throw new InvalidArgumentError(
      `${where}: bucketName "${name}" is not a valid S3 bucket name; expected 3-63 lower-case letters, digits, "." or "-", starting and ending with a letter or digit, not an IP address and without reserved prefixes or suffixes.`,
    );
  }
}
