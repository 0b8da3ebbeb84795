/**
 * `AccountBaseline`: the security baseline of one AWS account over a set of regions. Regional
 * services are set up in every region of `regions` (the home region first); account-wide (global)
 * settings once.
 *
 * Children (names are a public contract; `<name>` is the component's name, `<r>` a region):
 *
 * | name | type | where |
 * |---|---|---|
 * | `<name>-guardduty-<r>` | `aws.guardduty.Detector` | each region |
 * | `<name>-guardduty-<feature>-<r>` | `aws.guardduty.DetectorFeature` (`s3-data-events`, `eks-audit-logs`, `runtime-monitoring`, `rds-login-events`, `ebs-malware-protection`) | each region |
 * | `<name>-securityhub-<r>` | `aws.securityhub.Account` | each region |
 * | `<name>-securityhub-fsbp-<r>`, `<name>-securityhub-cis-<r>` | `aws.securityhub.StandardsSubscription` | each region |
 * | `<name>-config-role`, `<name>-config-role-managed-policy`, `<name>-config-role-policy` | `aws.iam.Role`, `aws.iam.RolePolicyAttachment` (`AWS_ConfigRole`), `aws.iam.RolePolicy` (delivery to the bucket and its key) | once, unless `configRoleArn` |
 * | `<name>-config` | `PhiBucket` (children `<name>-config-bucket`, ...) receiving every region's configuration history | home region |
 * | `<name>-config-recorder-<r>` | `aws.cfg.Recorder` | each region |
 * | `<name>-config-delivery-<r>` | `aws.cfg.DeliveryChannel` | each region |
 * | `<name>-config-recorder-status-<r>` | `aws.cfg.RecorderStatus` | each region |
 * | `<name>-conformance-pack-<r>` | `aws.cfg.ConformancePack` | each region |
 * | `<name>-access-analyzer-<r>` | `aws.accessanalyzer.Analyzer` | each region |
 * | `<name>-ebs-encryption-<r>`, `<name>-ebs-default-key-<r>` | `aws.ebs.EncryptionByDefault`, `aws.ebs.DefaultKmsKey` | each region |
 * | `<name>-s3-public-access-block` | `aws.s3.AccountPublicAccessBlock` | once |
 * | `<name>-password-policy` | `aws.iam.AccountPasswordPolicy` | once |
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { EnvelopeKey } from "../keys";
import { validateRegions } from "../network/regions";
import {
  accountIdOf,
  checkInteger,
  checkOneOf,
  checkProviders,
  childOptions,
  describe,
  InvalidArgumentError,
  partitionFor,
  serviceTrustPolicy,
  shortName,
  stackScopedBase,
  type IamStatement,
  type RegionProviders,
} from "../storage/common";
import { PhiBucket } from "../storage/phiBucket";
import { conventionTags, type TaggingArgs } from "../tags";
import { checkedKeyArn, keyPolicyAllowsViaService, viaServiceOf } from "./keyAccess";

export const ACCOUNT_BASELINE_TYPE = "phiguard:account:AccountBaseline";

/** CIS AWS Foundations Benchmark versions Security Hub offers. */
export const CIS_VERSIONS = ["1.2.0", "1.4.0", "3.0.0"] as const;
export type CisVersion = (typeof CIS_VERSIONS)[number];

/** GuardDuty's finding publishing frequencies. */
export const FINDING_FREQUENCIES = ["FIFTEEN_MINUTES", "ONE_HOUR", "SIX_HOURS"] as const;
export type FindingFrequency = (typeof FINDING_FREQUENCIES)[number];

/** GuardDuty Runtime Monitoring agent management options. */
export const RUNTIME_AGENTS = ["EKS_ADDON_MANAGEMENT", "ECS_FARGATE_AGENT_MANAGEMENT", "EC2_AGENT_MANAGEMENT"] as const;
export type RuntimeAgent = (typeof RUNTIME_AGENTS)[number];

/** AWS Config snapshot delivery frequencies. */
export const SNAPSHOT_FREQUENCIES = ["One_Hour", "Three_Hours", "Six_Hours", "Twelve_Hours", "TwentyFour_Hours"] as const;
export type SnapshotFrequency = (typeof SNAPSHOT_FREQUENCIES)[number];

/** The largest `templateBody` AWS Config accepts, in bytes. */
export const MAX_TEMPLATE_BODY_BYTES = 51_200;

/**
 * Where AWS's sample template "Operational Best Practices for HIPAA Security" is published. AWS
 * documents no public S3 copy of its sample templates (only this GitHub repository), and AWS Config
 * reads a `templateS3Uri` only from a bucket in the conformance pack's own region, so the template
 * is an argument: its text (`templateBody`) or your copy in each region's bucket (`templateS3Uris`).
 */
export const HIPAA_CONFORMANCE_PACK_SOURCE =
  "https://github.com/awslabs/aws-config-rules/blob/master/aws-config-conformance-packs/Operational-Best-Practices-for-HIPAA-Security.yaml";

/** The GuardDuty features the baseline enables, with their child name segment. */
export const GUARDDUTY_FEATURES = [
  { feature: "S3_DATA_EVENTS", child: "s3-data-events" },
  { feature: "EKS_AUDIT_LOGS", child: "eks-audit-logs" },
  { feature: "RUNTIME_MONITORING", child: "runtime-monitoring" },
  { feature: "RDS_LOGIN_EVENTS", child: "rds-login-events" },
  { feature: "EBS_MALWARE_PROTECTION", child: "ebs-malware-protection" },
] as const;

/** The conformance pack's template: its text, or a copy in an S3 bucket of each region. */
export type ConformancePackTemplate =
  | {
      /**
       * The template text (YAML, at most 51,200 bytes), e.g. AWS's
       * Operational-Best-Practices-for-HIPAA-Security.yaml read with `fs.readFileSync`.
       */
      readonly templateBody: string;
    }
  | {
      /** `s3://<bucket>/<key>` of the template per region; AWS Config reads only a bucket in the pack's own region. */
      readonly templateS3Uris: Readonly<Record<string, string>>;
    };

export interface PasswordPolicyArgs {
  /**
   * Minimum password length (14-128).
   * @default 14, the AWS Config HIPAA conformance pack's IAM_PASSWORD_POLICY value (CIS 1.8)
   */
  readonly minimumLength?: number;
  /**
   * Days a password stays valid (1-90).
   * @default 90, the conformance pack's value
   */
  readonly maxAgeDays?: number;
  /**
   * Stop users from setting a new password once theirs expired (an administrator must reset it).
   * @default false
   */
  readonly hardExpiry?: boolean;
}

export interface AccountBaselineArgs extends TaggingArgs {
  /**
   * The envelope key: the default EBS key of every region (its key in that region) and the key of
   * the AWS Config bucket. It must span every region of `regions` and allow EC2 and S3 through
   * `viaServices: ["ec2", "s3", ...]` (checked when its policy is known).
   */
  readonly key: EnvelopeKey;
  /**
   * Regions the regional services are set up in; the first is the home region (AWS Config records
   * global resource types there and its bucket lives there). Each must be a region of the key.
   * @default the key's regions
   */
  readonly regions?: readonly string[];
  /**
   * The AWS Config conformance pack template, deployed in every region: AWS's "Operational Best
   * Practices for HIPAA Security" (see `HIPAA_CONFORMANCE_PACK_SOURCE`), the run-time complement of
   * phiguard's preview-time pack. Required: AWS publishes the template on GitHub only.
   */
  readonly conformancePack: ConformancePackTemplate;
  /**
   * Name of the conformance pack (letters, digits and `-`, starting with a letter).
   * @default "phiguard-hipaa-security"
   */
  readonly conformancePackName?: string;
  /**
   * Input parameters of the conformance pack template.
   * @default none: the template's defaults (for the HIPAA template: the password policy values
   * this component sets, 90-day access keys, ...)
   */
  readonly conformancePackInputParameters?: Readonly<Record<string, string>>;
  /**
   * Version of the CIS AWS Foundations Benchmark standard Security Hub subscribes to.
   * @default "3.0.0", the latest Security Hub offers and the version phiguard's rules cite
   */
  readonly cisVersion?: CisVersion;
  /**
   * How often GuardDuty publishes updates of existing findings to EventBridge and Security Hub.
   * @default "FIFTEEN_MINUTES", the shortest
   */
  readonly findingPublishingFrequency?: FindingFrequency;
  /**
   * What GuardDuty Runtime Monitoring deploys its security agent to by itself.
   * @default ["EKS_ADDON_MANAGEMENT"]: the agent add-on on every EKS cluster (EKS runtime monitoring)
   */
  readonly runtimeMonitoringAgents?: readonly RuntimeAgent[];
  /**
   * Role that AWS Config records with, instead of the `<name>-config-role` the component creates
   * (e.g. the service-linked role `arn:aws:iam::<account>:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
   * which newer Security Hub checks of Config.1 prefer).
   * @default a `<name>-config-role` with the AWS managed policy `AWS_ConfigRole` and delivery rights to the bucket
   */
  readonly configRoleArn?: pulumi.Input<string>;
  /**
   * How often AWS Config delivers configuration snapshots to the bucket.
   * @default "TwentyFour_Hours"
   */
  readonly snapshotDeliveryFrequency?: SnapshotFrequency;
  /**
   * The IAM password policy (always 24 remembered passwords and all four character classes).
   * @default 14 characters, 90 days, no hard expiry
   */
  readonly passwordPolicy?: PasswordPolicyArgs;
  /**
   * Type of the IAM Access Analyzer (`ORGANIZATION` only in the organization's management or
   * delegated administrator account).
   * @default "ACCOUNT"
   */
  readonly accessAnalyzerType?: "ACCOUNT" | "ORGANIZATION";
  /**
   * Explicit providers per region.
   * @default none: the default provider, with every regional child's `region` argument set
   */
  readonly providers?: RegionProviders;
}

const CONFORMANCE_PACK_NAME = /^[a-zA-Z][-a-zA-Z0-9]{0,255}$/;
const S3_URI = /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/\S+$/;

export class AccountBaseline extends pulumi.ComponentResource {
  /** Regions of the regional services, home region first. */
  public readonly regions: readonly string[];
  public readonly homeRegion: string;
  public readonly detectors: Readonly<Record<string, aws.guardduty.Detector>>;
  /** GuardDuty features by region, then by feature name (`S3_DATA_EVENTS`, ...). */
  public readonly detectorFeatures: Readonly<Record<string, Readonly<Record<string, aws.guardduty.DetectorFeature>>>>;
  public readonly securityHubs: Readonly<Record<string, aws.securityhub.Account>>;
  /** Standards subscriptions by region: `fsbp` and `cis`. */
  public readonly standardsSubscriptions: Readonly<Record<string, { readonly fsbp: aws.securityhub.StandardsSubscription; readonly cis: aws.securityhub.StandardsSubscription }>>;
  /** The role AWS Config records with (undefined when `configRoleArn` was given). */
  public readonly configRole?: aws.iam.Role;
  public readonly configRoleArn: pulumi.Output<string>;
  /** The bucket of configuration snapshots and history. */
  public readonly configBucket: PhiBucket;
  public readonly recorders: Readonly<Record<string, aws.cfg.Recorder>>;
  public readonly deliveryChannels: Readonly<Record<string, aws.cfg.DeliveryChannel>>;
  public readonly recorderStatuses: Readonly<Record<string, aws.cfg.RecorderStatus>>;
  public readonly conformancePacks: Readonly<Record<string, aws.cfg.ConformancePack>>;
  public readonly accessAnalyzers: Readonly<Record<string, aws.accessanalyzer.Analyzer>>;
  public readonly ebsEncryption: Readonly<Record<string, aws.ebs.EncryptionByDefault>>;
  public readonly ebsDefaultKeys: Readonly<Record<string, aws.ebs.DefaultKmsKey>>;
  public readonly publicAccessBlock: aws.s3.AccountPublicAccessBlock;
  public readonly passwordPolicy: aws.iam.AccountPasswordPolicy;

  constructor(name: string, args: AccountBaselineArgs, opts?: pulumi.ComponentResourceOptions) {
    const where = describe(ACCOUNT_BASELINE_TYPE, name);
    if (!args || !args.key) throw new InvalidArgumentError(`${where}: no key given; expected \`key\`: an EnvelopeKey spanning the baseline's regions.`);
    const key = args.key;
    const regions = [...(args.regions ?? key.regions)];
    validateRegions(`${where}: regions`, regions);
    for (const region of regions) {
      if (!key.regions.includes(region)) {
        throw new InvalidArgumentError(
          `${where}: regions names "${region}", where the EnvelopeKey has no key (it spans [${key.regions.join(", ")}]); expected regions of the key, or add "${region}" to the key's regions (the default EBS key of a region must be a key in that region).`,
        );
      }
    }
    const home = regions[0]!;
    const template = checkTemplate(where, args.conformancePack, regions);
    const packName = args.conformancePackName ?? "phiguard-hipaa-security";
    if (!CONFORMANCE_PACK_NAME.test(packName)) {
      throw new InvalidArgumentError(`${where}: conformancePackName "${packName}" is invalid; expected 1-256 letters, digits or "-", starting with a letter.`);
    }
    const cisVersion = args.cisVersion ?? "3.0.0";
    checkOneOf(where, "cisVersion", cisVersion, CIS_VERSIONS);
    const frequency = args.findingPublishingFrequency ?? "FIFTEEN_MINUTES";
    checkOneOf(where, "findingPublishingFrequency", frequency, FINDING_FREQUENCIES);
    const agents = [...(args.runtimeMonitoringAgents ?? ["EKS_ADDON_MANAGEMENT"])];
    for (const agent of agents) checkOneOf(where, "runtimeMonitoringAgents", agent, RUNTIME_AGENTS);
    const snapshots = args.snapshotDeliveryFrequency ?? "TwentyFour_Hours";
    checkOneOf(where, "snapshotDeliveryFrequency", snapshots, SNAPSHOT_FREQUENCIES);
    const analyzerType = args.accessAnalyzerType ?? "ACCOUNT";
    checkOneOf(where, "accessAnalyzerType", analyzerType, ["ACCOUNT", "ORGANIZATION"] as const);
    const minimumLength = args.passwordPolicy?.minimumLength ?? 14;
    checkInteger(where, "passwordPolicy.minimumLength", minimumLength, 14, 128, "characters", "HIPAA conformance pack minimum 14, IAM maximum 128");
    const maxAgeDays = args.passwordPolicy?.maxAgeDays ?? 90;
    checkInteger(where, "passwordPolicy.maxAgeDays", maxAgeDays, 1, 90, "days", "HIPAA conformance pack maximum 90");
    checkProviders(where, args.providers, regions);
    const tags = conventionTags({ type: ACCOUNT_BASELINE_TYPE, name }, args);

    super(ACCOUNT_BASELINE_TYPE, name, {}, opts);
    this.regions = regions;
    this.homeRegion = home;
    const providers = args.providers;
    const partition = partitionFor(home);
    const accountId = accountIdOf(this, providers, home);
    const options = (region: string | undefined, extra: pulumi.CustomResourceOptions = {}) => childOptions(this, providers, region, extra);

    // --- GuardDuty ---------------------------------------------------------------------------
    const detectors: Record<string, aws.guardduty.Detector> = {};
    const detectorFeatures: Record<string, Record<string, aws.guardduty.DetectorFeature>> = {};
    for (const region of regions) {
      const detector = new aws.guardduty.Detector(
        `${name}-guardduty-${region}`,
        { region, enable: true, findingPublishingFrequency: frequency, tags },
        options(region),
      );
      detectors[region] = detector;
      const features: Record<string, aws.guardduty.DetectorFeature> = {};
      for (const { feature, child } of GUARDDUTY_FEATURES) {
        features[feature] = new aws.guardduty.DetectorFeature(
          `${name}-guardduty-${child}-${region}`,
          {
            region,
            detectorId: detector.id,
            name: feature,
            status: "ENABLED",
            ...(feature === "RUNTIME_MONITORING" && agents.length > 0
              ? { additionalConfigurations: agents.map((agent) => ({ name: agent, status: "ENABLED" })) }
              : {}),
          },
          options(region),
        );
      }
      detectorFeatures[region] = features;
    }
    this.detectors = detectors;
    this.detectorFeatures = detectorFeatures;

    // --- Security Hub ------------------------------------------------------------------------
    const securityHubs: Record<string, aws.securityhub.Account> = {};
    const subscriptions: Record<string, { fsbp: aws.securityhub.StandardsSubscription; cis: aws.securityhub.StandardsSubscription }> = {};
    for (const region of regions) {
      const hub = new aws.securityhub.Account(
        `${name}-securityhub-${region}`,
        { region, enableDefaultStandards: false, autoEnableControls: true, controlFindingGenerator: "SECURITY_CONTROL" },
        options(region),
      );
      securityHubs[region] = hub;
      subscriptions[region] = {
        fsbp: new aws.securityhub.StandardsSubscription(
          `${name}-securityhub-fsbp-${region}`,
          { region, standardsArn: fsbpStandardArn(region) },
          options(region, { dependsOn: [hub] }),
        ),
        cis: new aws.securityhub.StandardsSubscription(
          `${name}-securityhub-cis-${region}`,
          { region, standardsArn: cisStandardArn(region, cisVersion) },
          options(region, { dependsOn: [hub] }),
        ),
      };
    }
    this.securityHubs = securityHubs;
    this.standardsSubscriptions = subscriptions;

    // --- AWS Config --------------------------------------------------------------------------
    const secondRegion = key.regions.find((r) => r !== home);
    this.configBucket = new PhiBucket(
      `${name}-config`,
      {
        key,
        region: home,
        dataClassification: "confidential",
        owner: tags.owner,
        environment: tags.environment,
        ...(args.tags !== undefined ? { tags: args.tags } : {}),
        // AWS Config refuses to deliver into a bucket with Object Lock enabled.
        disableObjectLock: true,
        ...(secondRegion === undefined ? { skipReplication: true } : { replicaRegion: secondRegion }),
        ...(providers !== undefined ? { providers: pickProviders(providers, [home, ...(secondRegion ? [secondRegion] : [])]) } : {}),
        additionalPolicyStatements: (ctx) => configBucketStatements(ctx.bucketArn, ctx.accountId),
      },
      { parent: this },
    );
    const s3Via = viaServiceOf("s3", home);
    const bucketKeyArn = checkedKeyArn(
      key,
      home,
      (policy) => keyPolicyAllowsViaService(policy, s3Via, ["kms:GenerateDataKey*", "kms:Decrypt"]),
      `${where}: the EnvelopeKey's policy in ${home} does not let S3 use the key (kms:GenerateDataKey* and kms:Decrypt with kms:ViaService ${s3Via}), so AWS Config could not write encrypted configuration history; expected an EnvelopeKey with "s3" in its viaServices.`,
    );

    let roleArn: pulumi.Output<string>;
    if (args.configRoleArn !== undefined) {
      roleArn = pulumi.output(args.configRoleArn);
    } else {
      const role = new aws.iam.Role(
        `${name}-config-role`,
        {
          description: "AWS Config recorder of the account baseline",
          assumeRolePolicy: serviceTrustPolicy("config.amazonaws.com", accountId),
          maxSessionDuration: 3600,
          tags,
        },
        options(undefined),
      );
      new aws.iam.RolePolicyAttachment(
        `${name}-config-role-managed-policy`,
        { role: role.name, policyArn: `arn:${partition}:iam::aws:policy/service-role/AWS_ConfigRole` },
        options(undefined),
      );
      new aws.iam.RolePolicy(
        `${name}-config-role-policy`,
        {
          role: role.id,
          policy: pulumi
            .all([this.configBucket.arn, accountId])
            .apply(([bucketArn, account]) => JSON.stringify({ Version: "2012-10-17", Statement: configRoleStatements(bucketArn, account) })),
        },
        options(undefined),
      );
      this.configRole = role;
      roleArn = role.arn;
    }
    this.configRoleArn = roleArn;

    const recorders: Record<string, aws.cfg.Recorder> = {};
    const channels: Record<string, aws.cfg.DeliveryChannel> = {};
    const statuses: Record<string, aws.cfg.RecorderStatus> = {};
    const packs: Record<string, aws.cfg.ConformancePack> = {};
    for (const region of regions) {
      const recorder = new aws.cfg.Recorder(
        `${name}-config-recorder-${region}`,
        {
          region,
          name: "default",
          roleArn,
          recordingGroup: {
            allSupported: true,
            includeGlobalResourceTypes: region === home,
            recordingStrategies: [{ useOnly: "ALL_SUPPORTED_RESOURCE_TYPES" }],
          },
          recordingMode: { recordingFrequency: "CONTINUOUS" },
        },
        options(region),
      );
      const channel = new aws.cfg.DeliveryChannel(
        `${name}-config-delivery-${region}`,
        {
          region,
          name: "default",
          s3BucketName: this.configBucket.bucketName,
          s3KmsKeyArn: bucketKeyArn,
          snapshotDeliveryProperties: { deliveryFrequency: snapshots },
        },
        options(region, { dependsOn: [recorder, this.configBucket.primary.policy] }),
      );
      const status = new aws.cfg.RecorderStatus(
        `${name}-config-recorder-status-${region}`,
        { region, name: recorder.name, isEnabled: true },
        options(region, { dependsOn: [channel] }),
      );
      const parameters = Object.entries(args.conformancePackInputParameters ?? {}).map(([parameterName, parameterValue]) => ({ parameterName, parameterValue }));
      packs[region] = new aws.cfg.ConformancePack(
        `${name}-conformance-pack-${region}`,
        {
          region,
          name: packName,
          ...("templateBody" in template ? { templateBody: template.templateBody } : { templateS3Uri: template.templateS3Uris[region]! }),
          ...(parameters.length > 0 ? { inputParameters: parameters } : {}),
        },
        options(region, { dependsOn: [status] }),
      );
      recorders[region] = recorder;
      channels[region] = channel;
      statuses[region] = status;
    }
    this.recorders = recorders;
    this.deliveryChannels = channels;
    this.recorderStatuses = statuses;
    this.conformancePacks = packs;

    // --- IAM Access Analyzer ----------------------------------------------------------------
    const analyzerName = shortName(stackScopedBase(name), "", 255, (t) => t.replace(/[^A-Za-z0-9_.-]+/g, "-").replace(/^[^A-Za-z]+/, "a"));
    const analyzers: Record<string, aws.accessanalyzer.Analyzer> = {};
    for (const region of regions) {
      analyzers[region] = new aws.accessanalyzer.Analyzer(
        `${name}-access-analyzer-${region}`,
        { region, analyzerName, type: analyzerType, tags },
        options(region),
      );
    }
    this.accessAnalyzers = analyzers;

    // --- EBS encryption by default ----------------------------------------------------------
    const ebsEncryption: Record<string, aws.ebs.EncryptionByDefault> = {};
    const ebsKeys: Record<string, aws.ebs.DefaultKmsKey> = {};
    for (const region of regions) {
      const via = viaServiceOf("ec2", region);
      const keyArn = checkedKeyArn(
        key,
        region,
        (policy) => keyPolicyAllowsViaService(policy, via, ["kms:Decrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*", "kms:CreateGrant", "kms:DescribeKey"]),
        `${where}: the EnvelopeKey's policy in ${region} does not let EC2 use the key (no statement allowing crypto and kms:CreateGrant with kms:ViaService ${via}), so encrypted volumes could not be created or attached once it is the default EBS key; expected an EnvelopeKey with "ec2" in its viaServices.`,
      );
      ebsEncryption[region] = new aws.ebs.EncryptionByDefault(`${name}-ebs-encryption-${region}`, { region, enabled: true }, options(region));
      ebsKeys[region] = new aws.ebs.DefaultKmsKey(
        `${name}-ebs-default-key-${region}`,
        { region, keyArn },
        options(region, { dependsOn: [ebsEncryption[region]!] }),
      );
    }
    this.ebsEncryption = ebsEncryption;
    this.ebsDefaultKeys = ebsKeys;

    // --- Account-wide settings (once) -------------------------------------------------------
    this.publicAccessBlock = new aws.s3.AccountPublicAccessBlock(
      `${name}-s3-public-access-block`,
      { accountId, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
      options(home),
    );
    this.passwordPolicy = new aws.iam.AccountPasswordPolicy(
      `${name}-password-policy`,
      {
        minimumPasswordLength: minimumLength,
        passwordReusePrevention: 24,
        maxPasswordAge: maxAgeDays,
        requireLowercaseCharacters: true,
        requireUppercaseCharacters: true,
        requireNumbers: true,
        requireSymbols: true,
        allowUsersToChangePassword: true,
        hardExpiry: args.passwordPolicy?.hardExpiry ?? false,
      },
      options(undefined),
    );

    this.registerOutputs({ regions, homeRegion: home, configBucketName: this.configBucket.bucketName, configRoleArn: roleArn });
  }
}

/** The AWS Foundational Security Best Practices standard in `region`. */
export function fsbpStandardArn(region: string): string {
  return `arn:${partitionFor(region)}:securityhub:${region}::standards/aws-foundational-security-best-practices/v/1.0.0`;
}

/** The CIS AWS Foundations Benchmark standard of `version` in `region` (v1.2.0 is a global ruleset ARN). */
export function cisStandardArn(region: string, version: CisVersion): string {
  const partition = partitionFor(region);
  return version === "1.2.0"
    ? `arn:${partition}:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0`
    : `arn:${partition}:securityhub:${region}::standards/cis-aws-foundations-benchmark/v/${version}`;
}

/** The bucket policy statements AWS Config's delivery needs (AWS's documented policy, this account only). */
export function configBucketStatements(bucketArn: string, accountId: string): IamStatement[] {
  const condition = { StringEquals: { "aws:SourceAccount": accountId } };
  return [
    { Sid: "AWSConfigBucketPermissionsCheck", Effect: "Allow", Principal: { Service: "config.amazonaws.com" }, Action: "s3:GetBucketAcl", Resource: bucketArn, Condition: condition },
    { Sid: "AWSConfigBucketExistenceCheck", Effect: "Allow", Principal: { Service: "config.amazonaws.com" }, Action: "s3:ListBucket", Resource: bucketArn, Condition: condition },
    {
      Sid: "AWSConfigBucketDelivery",
      Effect: "Allow",
      Principal: { Service: "config.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: `${bucketArn}/AWSLogs/${accountId}/Config/*`,
      Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceAccount": accountId } },
    },
  ];
}

/**
 * The Config role's delivery rights: write the account's configuration history and check the
 * bucket's ACL. (It encrypts through S3 with the bucket's key, which the key policy allows through
 * `viaServices: ["s3"]`; no IAM statement on the key is needed.)
 */
export function configRoleStatements(bucketArn: string, accountId: string): IamStatement[] {
  return [
    {
      Sid: "DeliverConfigurationHistory",
      Effect: "Allow",
      Action: "s3:PutObject",
      Resource: `${bucketArn}/AWSLogs/${accountId}/Config/*`,
      Condition: { StringLike: { "s3:x-amz-acl": "bucket-owner-full-control" } },
    },
    { Sid: "CheckDeliveryBucket", Effect: "Allow", Action: "s3:GetBucketAcl", Resource: bucketArn },
  ];
}

function checkTemplate(where: string, template: ConformancePackTemplate | undefined, regions: readonly string[]): ConformancePackTemplate {
  const expected = `expected \`conformancePack: { templateBody }\` (the text of AWS's Operational-Best-Practices-for-HIPAA-Security.yaml from ${HIPAA_CONFORMANCE_PACK_SOURCE}) or \`{ templateS3Uris: { "<region>": "s3://<bucket in that region>/<key>" } }\``;
  if (template === undefined || template === null || typeof template !== "object") {
    throw new InvalidArgumentError(`${where}: no conformancePack given; ${expected}.`);
  }
  if ("templateBody" in template) {
    if ("templateS3Uris" in template) throw new InvalidArgumentError(`${where}: conformancePack gives both templateBody and templateS3Uris; ${expected}, not both.`);
    const body = template.templateBody;
    const bytes = typeof body === "string" ? Buffer.byteLength(body, "utf8") : 0;
    if (typeof body !== "string" || body.trim() === "" || !/^Resources:/m.test(body)) {
      throw new InvalidArgumentError(`${where}: conformancePack.templateBody is not a conformance pack template (no top-level "Resources:"); ${expected}.`);
    }
    if (bytes > MAX_TEMPLATE_BODY_BYTES) {
      throw new InvalidArgumentError(
        `${where}: conformancePack.templateBody is ${bytes} bytes, more than the ${MAX_TEMPLATE_BODY_BYTES} AWS Config accepts; expected a shorter template, or upload it to a bucket in each region and pass \`templateS3Uris\`.`,
      );
    }
    return template;
  }
  if ("templateS3Uris" in template && template.templateS3Uris && typeof template.templateS3Uris === "object") {
    const uris = template.templateS3Uris;
    const missing = regions.filter((r) => uris[r] === undefined);
    const extra = Object.keys(uris).filter((r) => !regions.includes(r));
    if (missing.length > 0 || extra.length > 0) {
      throw new InvalidArgumentError(
        `${where}: conformancePack.templateS3Uris names [${Object.keys(uris).join(", ")}]; expected exactly the baseline's regions [${regions.join(", ")}] (AWS Config reads the template only from a bucket in the pack's own region).`,
      );
    }
    for (const [region, uri] of Object.entries(uris)) {
      if (typeof uri !== "string" || !S3_URI.test(uri)) {
        throw new InvalidArgumentError(`${where}: conformancePack.templateS3Uris["${region}"] "${String(uri)}" is not an S3 URI; expected "s3://<bucket>/<key>".`);
      }
    }
    return template;
  }
  throw new InvalidArgumentError(`${where}: conformancePack has neither templateBody nor templateS3Uris; ${expected}.`);
}

function pickProviders(providers: RegionProviders, regions: readonly string[]): RegionProviders {
  const out: Record<string, pulumi.ProviderResource> = {};
  for (const region of regions) if (providers[region]) out[region] = providers[region]!;
  return out;
}
