/**
 * `EnvelopeKey`: a customer-managed KMS key for envelope encryption, optionally multi-region.
 *
 * Children (names are a public contract; `<name>` is the component's name):
 * - `<name>-key-<primaryRegion>`          `aws.kms.Key` (the primary; `multiRegion` when replicas exist)
 * - `<name>-replica-<region>`             `aws.kms.ReplicaKey`, one per other region
 * - `<name>-alias-<region>`               `aws.kms.Alias`, one per region, same alias name everywhere
 * - `<name>-grant-<grantee>-<access>-<region>`  `aws.kms.Grant`, made by the grant helpers
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { conventionTags, type TaggingArgs } from "../tags";
import { InvalidArgumentError, dnsSuffixOf, partitionOf, validateRegions } from "../network/regions";
import { buildKeyPolicy, contextConditions, CRYPTO_ACTIONS, type ServicePrincipalAccess } from "./keyPolicy";

export const ENVELOPE_KEY_TYPE = "phiguard:keys:EnvelopeKey";

/** Longest and shortest deletion windows KMS allows. */
export const MAX_DELETION_WINDOW_DAYS = 30;
export const MIN_DELETION_WINDOW_DAYS = 7;
/** Rotation periods KMS allows. */
export const MIN_ROTATION_DAYS = 90;
export const MAX_ROTATION_DAYS = 2560;

export interface EnvelopeKeyArgs extends TaggingArgs {
  /**
   * Regions the key must be usable in. The first is the primary region, where the `aws.kms.Key`
   * lives; every other region gets an `aws.kms.ReplicaKey` of it. Append-only: removing or
   * reordering regions replaces keys.
   * @default the stack's `aws:region` only (a single-region key)
   */
  readonly regions?: readonly string[];
  /**
   * Create the primary as a multi-region key. A key cannot become multi-region later (changing
   * this replaces the key and orphans data encrypted with it), so set it to `true` up front if a
   * second region may come.
   * @default true when more than one region is given, false otherwise
   */
  readonly multiRegion?: boolean;
  /**
   * Description of the key (shown in the KMS console).
   * @default "phiguard envelope key <name> (<data classification>)"
   */
  readonly description?: string;
  /**
   * Days between automatic rotations of the key material (rotation is always on;
   * KMS allows 90-2560 days).
   * @default 365 days, the rotation period HIPAA auditors expect and KMS's own default
   */
  readonly rotationPeriodInDays?: number;
  /**
   * Days a key scheduled for deletion can still be recovered (7-30).
   * @default 30 days, the longest KMS allows, so an accidental deletion of PHI keys can be undone
   */
  readonly deletionWindowInDays?: number;
  /**
   * Alias of the key, the same in every region (must start with `alias/`, not `alias/aws/`).
   * @default `alias/<project>/<stack>/<name>`, unique per stack
   */
  readonly alias?: string;
  /**
   * Principals (IAM ARNs) with full control of the key (`kms:*`). Must not be empty, or the key
   * becomes unmanageable. The identity that deploys the stack must be covered by an owner.
   * @default the account root (`arn:<partition>:iam::<account>:root`), which delegates to IAM policies
   */
  readonly owners?: readonly pulumi.Input<string>[];
  /**
   * Principals that manage the key's lifecycle (enable/disable, rotation, deletion, aliases, tags,
   * grant revocation) but are denied every cryptographic operation, grant creation, key policy
   * change and replication, whatever their IAM policies allow.
   * @default none
   */
  readonly administrators?: readonly pulumi.Input<string>[];
  /**
   * Principals that may use the key for cryptography (and create grants for AWS resources) but are
   * denied every administrative change.
   * @default none
   */
  readonly users?: readonly pulumi.Input<string>[];
  /**
   * AWS services (`s3`, `rds`, `dynamodb`, `secretsmanager`, `ec2`, ...) through which any principal
   * of this account may use the key, restricted with `kms:ViaService` (the service in the key's
   * region) and `kms:CallerAccount` (this account).
   * @default none
   */
  readonly viaServices?: readonly string[];
  /**
   * AWS service principals that call KMS themselves (CloudTrail, SNS, ...), each under conditions.
   * @default none
   */
  readonly servicePrincipals?: readonly ServicePrincipalAccess[];
  /**
   * Let CloudWatch Logs of the key's region encrypt this account's log groups with it (regional
   * `logs` service principal, restricted by the `aws:logs:arn` encryption context).
   * @default false
   */
  readonly allowCloudWatchLogs?: boolean;
  /**
   * Encryption context every cryptographic call by `users` must carry (`kms:EncryptionContext:<key>`
   * must equal the value).
   * @default none: users may use any encryption context
   */
  readonly encryptionContext?: Readonly<Record<string, string>>;
  /**
   * The AWS account ID that owns the key.
   * @default the account of the deploying credentials (`aws.getCallerIdentity`)
   */
  readonly accountId?: pulumi.Input<string>;
  /**
   * Explicit providers per region. Every child still sets its `region` argument.
   * @default none: every child uses the default provider with its own `region` argument
   */
  readonly providers?: Readonly<Record<string, pulumi.ProviderResource>>;
}

/** What a grantee may do with the key. */
export type KeyAccess = "encrypt" | "decrypt" | "encryptDecrypt";

/** KMS grant operations of each access level. */
export const GRANT_OPERATIONS: Readonly<Record<KeyAccess, readonly string[]>> = Object.freeze({
  encrypt: ["Encrypt", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext", "DescribeKey"],
  decrypt: ["Decrypt", "DescribeKey"],
  encryptDecrypt: [
    "Encrypt",
    "Decrypt",
    "ReEncryptFrom",
    "ReEncryptTo",
    "GenerateDataKey",
    "GenerateDataKeyWithoutPlaintext",
    "DescribeKey",
  ],
});

/** IAM actions of each access level (for IAM policy documents). */
export const IAM_ACTIONS: Readonly<Record<KeyAccess, readonly string[]>> = Object.freeze({
  encrypt: ["kms:Encrypt", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey"],
  decrypt: ["kms:Decrypt", "kms:DescribeKey"],
  encryptDecrypt: [...CRYPTO_ACTIONS, "kms:DescribeKey"],
});

/** A grantee: an `aws.iam.Role`, or a name (used in child resource names) and a principal ARN. */
export type Grantee = aws.iam.Role | { readonly name: string; readonly arn: pulumi.Input<string> };

export interface GrantOptions {
  /**
   * Regions to grant in.
   * @default every region of the key
   */
  readonly regions?: readonly string[];
  /**
   * Encryption context the grantee's calls must include (grant constraint `encryptionContextSubset`).
   * @default none: any encryption context
   */
  readonly encryptionContext?: Readonly<Record<string, string>>;
}

export interface PolicyDocumentOptions {
  /**
   * Regions whose key ARNs the policy covers.
   * @default every region of the key
   */
  readonly regions?: readonly string[];
  /**
   * Encryption context the calls must carry (`kms:EncryptionContext:<key>` conditions).
   * @default none: any encryption context
   */
  readonly encryptionContext?: Readonly<Record<string, string>>;
}

const ARN_PRINCIPAL = /^arn:aws(-us-gov|-cn)?:(iam::\d{12}:(root|role\/.+|user\/.+)|sts::\d{12}:assumed-role\/.+)$/;

export class EnvelopeKey extends pulumi.ComponentResource {
  /** Regions the key is usable in, primary first. */
  public readonly regions: readonly string[];
  public readonly primaryRegion: string;
  public readonly multiRegion: boolean;
  /** The alias name, the same in every region. */
  public readonly aliasName: string;
  /** Whether CloudWatch Logs may use the key (needed for encrypted log groups). */
  public readonly allowsCloudWatchLogs: boolean;
  /** The primary key. */
  public readonly key: aws.kms.Key;
  /** Replica keys by region (every region but the primary). */
  public readonly replicas: Readonly<Record<string, aws.kms.ReplicaKey>>;
  /** Aliases by region. */
  public readonly aliases: Readonly<Record<string, aws.kms.Alias>>;
  /** The key ARN to use in each region (primary or local replica). */
  public readonly keyArns: Readonly<Record<string, pulumi.Output<string>>>;
  /** The key policy of each region's key, as JSON. */
  public readonly policies: Readonly<Record<string, pulumi.Output<string>>>;

  private readonly componentName: string;
  private readonly providers: Readonly<Record<string, pulumi.ProviderResource>>;

  constructor(name: string, args: EnvelopeKeyArgs = {}, opts?: pulumi.ComponentResourceOptions) {
    const where = `EnvelopeKey "${name}"`;
    const regions = [...(args.regions ?? [stackRegion(where)])];
    validateRegions(`${where}: regions`, regions);
    const primaryRegion = regions[0]!;
    const multiRegion = args.multiRegion ?? regions.length > 1;
    if (!multiRegion && regions.length > 1) {
      throw new InvalidArgumentError(
        `${where}: multiRegion is false but ${regions.length} regions [${regions.join(", ")}] were given; expected multiRegion: true (or omitted) for replicas, or a single region.`,
      );
    }
    const rotationPeriodInDays = args.rotationPeriodInDays ?? 365;
    checkRange(where, "rotationPeriodInDays", rotationPeriodInDays, MIN_ROTATION_DAYS, MAX_ROTATION_DAYS);
    const deletionWindowInDays = args.deletionWindowInDays ?? MAX_DELETION_WINDOW_DAYS;
    checkRange(where, "deletionWindowInDays", deletionWindowInDays, MIN_DELETION_WINDOW_DAYS, MAX_DELETION_WINDOW_DAYS);
    const aliasName = args.alias ?? defaultAlias(name);
    if (!/^alias\/[A-Za-z0-9/_-]{1,250}$/.test(aliasName) || aliasName.startsWith("alias/aws/")) {
      throw new InvalidArgumentError(
        `${where}: alias "${aliasName}" is invalid; expected "alias/" followed by letters, digits, "/", "_" or "-" (not "alias/aws/", which AWS reserves).`,
      );
    }
    const owners = args.owners;
    if (owners !== undefined && owners.length === 0) {
      throw new InvalidArgumentError(
        `${where}: owners is empty; expected at least one principal with full control (omit owners to use the account root), otherwise the key becomes unmanageable.`,
      );
    }
    checkPrincipals(where, "owners", owners ?? []);
    checkPrincipals(where, "administrators", args.administrators ?? []);
    checkPrincipals(where, "users", args.users ?? []);
    checkDisjoint(where, "administrators", args.administrators ?? [], "users", args.users ?? []);
    checkDisjoint(where, "administrators", args.administrators ?? [], "owners", owners ?? []);
    for (const service of args.viaServices ?? []) {
      if (!/^[a-z0-9][a-z0-9.-]*$/.test(service)) {
        throw new InvalidArgumentError(`${where}: viaServices entry "${service}" is invalid; expected a service endpoint prefix such as "s3", "rds" or "secretsmanager".`);
      }
    }
    for (const access of args.servicePrincipals ?? []) {
      if (Object.keys(access.conditions ?? {}).length === 0) {
        throw new InvalidArgumentError(
          `${where}: servicePrincipals entry "${access.service}" has no conditions; expected conditions restricting it to this account, e.g. { StringEquals: { "aws:SourceAccount": "{account}" } }.`,
        );
      }
    }
    const providers = args.providers ?? {};
    for (const region of Object.keys(providers)) {
      if (!regions.includes(region)) {
        throw new InvalidArgumentError(`${where}: providers names region "${region}", which is not in regions [${regions.join(", ")}]; expected only the key's regions.`);
      }
    }
    const tags = conventionTags({ type: ENVELOPE_KEY_TYPE, name }, args);

    super(ENVELOPE_KEY_TYPE, name, {}, opts);
    this.componentName = name;
    this.providers = providers;
    this.regions = regions;
    this.primaryRegion = primaryRegion;
    this.multiRegion = multiRegion;
    this.aliasName = aliasName;
    this.allowsCloudWatchLogs = args.allowCloudWatchLogs ?? false;

    const partition = partitionOf(primaryRegion);
    const accountId = pulumi.output(
      args.accountId ?? aws.getCallerIdentityOutput({}, this.invokeOptions(primaryRegion)).accountId,
    );
    const description = args.description ?? `phiguard envelope key ${name} (${tags["data-classification"]})`;

    const policyFor = (region: string): pulumi.Output<string> =>
      pulumi
        .all([accountId, pulumi.output(owners ?? []), pulumi.output(args.administrators ?? []), pulumi.output(args.users ?? [])])
        .apply(([account, ownerList, adminList, userList]) =>
          JSON.stringify(
            buildKeyPolicy({
              region,
              partition,
              dnsSuffix: dnsSuffixOf(region),
              accountId: account,
              owners: ownerList.length > 0 ? ownerList : [`arn:${partition}:iam::${account}:root`],
              administrators: adminList,
              users: userList,
              viaServices: args.viaServices ?? [],
              servicePrincipals: args.servicePrincipals ?? [],
              allowCloudWatchLogs: this.allowsCloudWatchLogs,
              encryptionContext: args.encryptionContext,
            }),
          ),
        );

    const policies: Record<string, pulumi.Output<string>> = {};
    for (const region of regions) policies[region] = policyFor(region);
    this.policies = policies;

    this.key = new aws.kms.Key(
      `${name}-key-${primaryRegion}`,
      {
        region: primaryRegion,
        description,
        keyUsage: "ENCRYPT_DECRYPT",
        customerMasterKeySpec: "SYMMETRIC_DEFAULT",
        multiRegion,
        enableKeyRotation: true,
        rotationPeriodInDays,
        deletionWindowInDays,
        isEnabled: true,
        bypassPolicyLockoutSafetyCheck: false,
        policy: policies[primaryRegion]!,
        tags,
      },
      this.resourceOptions(primaryRegion),
    );

    const replicas: Record<string, aws.kms.ReplicaKey> = {};
    const keyArns: Record<string, pulumi.Output<string>> = { [primaryRegion]: this.key.arn };
    const keyIds: Record<string, pulumi.Output<string>> = { [primaryRegion]: this.key.keyId };
    for (const region of regions.slice(1)) {
      const replica = new aws.kms.ReplicaKey(
        `${name}-replica-${region}`,
        {
          region,
          primaryKeyArn: this.key.arn,
          description,
          deletionWindowInDays,
          enabled: true,
          bypassPolicyLockoutSafetyCheck: false,
          policy: policies[region]!,
          tags,
        },
        this.resourceOptions(region),
      );
      replicas[region] = replica;
      keyArns[region] = replica.arn;
      keyIds[region] = replica.keyId;
    }
    this.replicas = replicas;
    this.keyArns = keyArns;

    const aliases: Record<string, aws.kms.Alias> = {};
    for (const region of regions) {
      aliases[region] = new aws.kms.Alias(
        `${name}-alias-${region}`,
        { region, name: aliasName, targetKeyId: keyIds[region]! },
        this.resourceOptions(region),
      );
    }
    this.aliases = aliases;

    this.registerOutputs({
      regions,
      primaryRegion,
      aliasName,
      keyArns,
    });
  }

  /** The key ARN to use in `region` (the primary's or the local replica's). */
  public arnFor(region: string): pulumi.Output<string> {
    const arn = this.keyArns[region];
    if (arn === undefined) {
      throw new InvalidArgumentError(
        `EnvelopeKey "${this.componentName}": no key in region "${region}"; the key exists in [${this.regions.join(", ")}]. Add the region to \`regions\` to get a replica there.`,
      );
    }
    return arn;
  }

  /** Grants `grantee` encrypt and decrypt (with data keys) on the key, one `aws.kms.Grant` per region. */
  public grantEncryptDecrypt(grantee: Grantee, options?: GrantOptions): Record<string, aws.kms.Grant> {
    return this.grant(grantee, "encryptDecrypt", options);
  }

  /** Grants `grantee` decrypt only, one `aws.kms.Grant` per region. */
  public grantDecrypt(grantee: Grantee, options?: GrantOptions): Record<string, aws.kms.Grant> {
    return this.grant(grantee, "decrypt", options);
  }

  /** Grants `grantee` encrypt (and data-key generation) only, one `aws.kms.Grant` per region. */
  public grantEncrypt(grantee: Grantee, options?: GrantOptions): Record<string, aws.kms.Grant> {
    return this.grant(grantee, "encrypt", options);
  }

  /**
   * Creates `aws.kms.Grant`s named `<name>-grant-<grantee>-<access>-<region>` (children of this
   * component) giving `grantee` the operations of `access`.
   */
  public grant(grantee: Grantee, access: KeyAccess, options: GrantOptions = {}): Record<string, aws.kms.Grant> {
    const { granteeName, arn } = describeGrantee(grantee);
    const regions = this.checkRegions(options.regions);
    const constraints =
      options.encryptionContext && Object.keys(options.encryptionContext).length > 0
        ? [{ encryptionContextSubset: { ...options.encryptionContext } }]
        : undefined;
    const grants: Record<string, aws.kms.Grant> = {};
    for (const region of regions) {
      grants[region] = new aws.kms.Grant(
        `${this.componentName}-grant-${granteeName}-${kebab(access)}-${region}`,
        {
          region,
          keyId: this.arnFor(region),
          granteePrincipal: arn,
          operations: [...GRANT_OPERATIONS[access]],
          retireOnDelete: true,
          ...(constraints ? { constraints } : {}),
        },
        this.resourceOptions(region),
      );
    }
    return grants;
  }

  /**
   * An IAM policy document (JSON) allowing the operations of `access` on the key in the given
   * regions, to attach to a role (`aws.iam.RolePolicy`) instead of a grant.
   */
  public policyDocument(access: KeyAccess, options: PolicyDocumentOptions = {}): pulumi.Output<string> {
    const regions = this.checkRegions(options.regions);
    const condition = contextConditions(options.encryptionContext);
    return pulumi.jsonStringify({
      Version: "2012-10-17",
      Statement: [
        {
          Sid: `${access[0]!.toUpperCase()}${access.slice(1)}WithEnvelopeKey`,
          Effect: "Allow",
          Action: [...IAM_ACTIONS[access]],
          Resource: regions.map((r) => this.arnFor(r)),
          ...(condition ? { Condition: condition } : {}),
        },
      ],
    });
  }

  private checkRegions(regions: readonly string[] | undefined): readonly string[] {
    const chosen = regions ?? this.regions;
    for (const region of chosen) this.arnFor(region);
    return chosen;
  }

  private resourceOptions(region: string): pulumi.CustomResourceOptions {
    const provider = this.providers[region];
    return provider ? { parent: this, provider } : { parent: this };
  }

  private invokeOptions(region: string): pulumi.InvokeOutputOptions {
    const provider = this.providers[region];
    return provider ? { parent: this, provider } : { parent: this };
  }
}

function stackRegion(where: string): string {
  const region = new pulumi.Config("aws").get("region");
  if (region === undefined || region === "") {
    throw new InvalidArgumentError(
      `${where}: no regions given and the stack has no aws:region; expected \`regions\` (e.g. ["us-east-1"]) or \`pulumi config set aws:region us-east-1\`.`,
    );
  }
  return region;
}

function defaultAlias(name: string): string {
  const clean = (text: string) => text.replace(/[^A-Za-z0-9/_-]/g, "-");
  return `alias/${clean(pulumi.getProject())}/${clean(pulumi.getStack())}/${clean(name)}`;
}

function checkRange(where: string, field: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvalidArgumentError(`${where}: ${field} ${String(value)} is out of range; expected a whole number of days from ${min} to ${max}.`);
  }
}

function checkPrincipals(where: string, field: string, principals: readonly pulumi.Input<string>[]): void {
  for (const principal of principals) {
    if (typeof principal === "string" && !ARN_PRINCIPAL.test(principal)) {
      throw new InvalidArgumentError(
        `${where}: ${field} entry "${principal}" is not an IAM principal ARN; expected e.g. "arn:aws:iam::123456789012:role/KeyAdmin" or "arn:aws:iam::123456789012:root".`,
      );
    }
  }
}

function checkDisjoint(
  where: string,
  leftName: string,
  left: readonly pulumi.Input<string>[],
  rightName: string,
  right: readonly pulumi.Input<string>[],
): void {
  const rightSet = new Set(right.filter((p): p is string => typeof p === "string"));
  for (const principal of left) {
    if (typeof principal === "string" && rightSet.has(principal)) {
      throw new InvalidArgumentError(
        `${where}: "${principal}" is in both ${leftName} and ${rightName}; expected separate principals (separation of duties: administrators cannot use or own the key).`,
      );
    }
  }
}

function describeGrantee(grantee: Grantee): { granteeName: string; arn: pulumi.Input<string> } {
  if (grantee instanceof aws.iam.Role) return { granteeName: pulumi.resourceName(grantee), arn: grantee.arn };
  if (!/^[A-Za-z0-9_.-]+$/.test(grantee.name)) {
    throw new InvalidArgumentError(`grantee name "${grantee.name}" is invalid; expected letters, digits, ".", "_" or "-" (it becomes part of resource names).`);
  }
  return { granteeName: grantee.name, arn: grantee.arn };
}

function kebab(text: string): string {
  return text.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
