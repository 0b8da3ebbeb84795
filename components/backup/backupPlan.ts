/**
 * `BackupPlan`: AWS Backup for PHI, secure by default: a vault under the CMK with Vault Lock, a
 * daily plan with retention, a cross-region copy to a locked vault under the replica key, and a
 * selection of every resource tagged `data-classification: phi`, run by a dedicated IAM role.
 *
 * Children (names are a public contract; `<name>` is the component's name):
 * - `<name>-vault`                 `aws.backup.Vault` (home region, the CMK)
 * - `<name>-vault-lock`            `aws.backup.VaultLockConfiguration`
 * - `<name>-copy-vault`            `aws.backup.Vault` (copy region, the replica key)
 * - `<name>-copy-vault-lock`       `aws.backup.VaultLockConfiguration`
 * - `<name>-role`                  `aws.iam.Role` (assumed by AWS Backup)
 * - `<name>-role-backup`, `<name>-role-restores`, `<name>-role-s3-backup`, `<name>-role-s3-restores`
 *                                  `aws.iam.RolePolicyAttachment` (AWS's managed Backup policies)
 * - `<name>-plan`                  `aws.backup.Plan`
 * - `<name>-selection`             `aws.backup.Selection`
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { EnvelopeKey } from "../keys";
import { conventionTags, TAG_KEYS, type TaggingArgs } from "../tags";
import {
  checkInteger,
  checkProviders,
  childOptions,
  describe,
  homeRegion,
  InvalidArgumentError,
  partitionFor,
  secondRegion,
  serviceTrustPolicy,
  type RegionProviders,
} from "../storage/common";

export const BACKUP_PLAN_TYPE = "phiguard:backup:BackupPlan";

/** Longest retention AWS Backup and Vault Lock accept (100 years). */
export const MAX_VAULT_RETENTION_DAYS = 36500;
/** Shortest grace period of a compliance-mode Vault Lock. */
export const MIN_CHANGEABLE_FOR_DAYS = 3;

export interface VaultLockArgs {
  /**
   * `compliance`: after `changeableForDays` the lock can never be removed or changed, by anyone;
   * recovery points cannot be deleted before `minRetentionDays`. `governance`: the same limits,
   * but principals allowed `backup:DeleteBackupVaultLockConfiguration` can remove the lock.
   * @default "compliance"
   */
  readonly mode?: "compliance" | "governance";
  /**
   * Shortest retention a recovery point in the vault may have.
   * @default the plan's retention (`retentionDays`; `copyRetentionDays` for the copy vault)
   */
  readonly minRetentionDays?: number;
  /**
   * Longest retention a recovery point in the vault may have.
   * @default 3650 days (10 years): longer than HIPAA's six-year documentation retention
   */
  readonly maxRetentionDays?: number;
  /**
   * Days (at least 3) during which a compliance-mode lock can still be removed; after them it is
   * immutable. Compliance mode only.
   * @default 3 days, AWS's minimum grace period
   */
  readonly changeableForDays?: number;
}

export interface BackupPlanArgs extends TaggingArgs {
  /** The envelope key: the vault uses its key in the home region, the copy vault the replica key of the copy region. */
  readonly key: EnvelopeKey;
  /**
   * Home region of the vault and plan.
   * @default the key's primary region
   */
  readonly region?: string;
  /**
   * Region of the copy vault (a region of the key).
   * @default the key's first region other than the home region
   */
  readonly copyRegion?: string;
  /**
   * Do not copy recovery points to another region. HIPAA consequence: a regional disaster can
   * destroy the PHI and its backups together, failing the disaster recovery plan of
   * §164.308(a)(7)(ii)(B).
   * @default false: every recovery point is copied to the copy region
   */
  readonly skipCrossRegionCopy?: boolean;
  /**
   * Days each daily recovery point is kept (1-36500).
   * @default 35 days
   */
  readonly retentionDays?: number;
  /**
   * Days each cross-region copy is kept.
   * @default `retentionDays`
   */
  readonly copyRetentionDays?: number;
  /**
   * When the backups run (an AWS Backup `cron(...)` or `rate(...)` expression, UTC).
   * @default "cron(0 5 ? * * *)": daily at 05:00 UTC
   */
  readonly schedule?: string;
  /**
   * Minutes after the scheduled time within which a job must start.
   * @default 60
   */
  readonly startWindowMinutes?: number;
  /**
   * Minutes after start within which a job must complete.
   * @default 1440 (one day)
   */
  readonly completionWindowMinutes?: number;
  /**
   * Vault Lock of both vaults.
   * @default compliance mode, minimum retention = the plan's, maximum 3650 days, 3-day grace period
   */
  readonly vaultLock?: VaultLockArgs;
  /**
   * Create the vaults without Vault Lock. HIPAA consequence: anyone allowed to delete recovery
   * points (or a compromised administrator) can destroy every backup of the PHI, defeating the
   * data backup plan of §164.308(a)(7)(ii)(A) exactly when it is needed (ransomware).
   * @default false: both vaults are locked
   */
  readonly skipVaultLock?: boolean;
  /**
   * Tags that select resources into the plan (a resource matching any of them is backed up).
   * @default { "data-classification": "phi" }: every resource the tagging convention marks as PHI
   */
  readonly selectionTags?: Readonly<Record<string, string>>;
  /**
   * Explicit providers per region.
   * @default none: the default provider, with every child's `region` argument set
   */
  readonly providers?: RegionProviders;
}

/** AWS managed policies attached to the backup role: child name suffix → policy path. */
export const BACKUP_ROLE_POLICIES: Readonly<Record<string, string>> = Object.freeze({
  backup: "service-role/AWSBackupServiceRolePolicyForBackup",
  restores: "service-role/AWSBackupServiceRolePolicyForRestores",
  "s3-backup": "AWSBackupServiceRolePolicyForS3Backup",
  "s3-restores": "AWSBackupServiceRolePolicyForS3Restore",
});

export class BackupPlan extends pulumi.ComponentResource {
  public readonly region: string;
  /** Region of the copy vault; undefined when `skipCrossRegionCopy`. */
  public readonly copyRegion?: string;
  public readonly retentionDays: number;
  public readonly vault: aws.backup.Vault;
  public readonly vaultLock?: aws.backup.VaultLockConfiguration;
  public readonly copyVault?: aws.backup.Vault;
  public readonly copyVaultLock?: aws.backup.VaultLockConfiguration;
  public readonly role: aws.iam.Role;
  public readonly plan: aws.backup.Plan;
  public readonly selection: aws.backup.Selection;

  constructor(name: string, args: BackupPlanArgs, opts?: pulumi.ComponentResourceOptions) {
    const where = describe(BACKUP_PLAN_TYPE, name);
    if (!args || !args.key) throw new InvalidArgumentError(`${where}: no key given; expected \`key\`: an EnvelopeKey spanning the vault's and copy vault's regions.`);
    const key = args.key;
    const region = homeRegion(where, key, args.region);
    if (args.skipCrossRegionCopy === true && (args.copyRegion !== undefined || args.copyRetentionDays !== undefined)) {
      throw new InvalidArgumentError(`${where}: copy settings and skipCrossRegionCopy: true were both given; expected one of them.`);
    }
    const copyRegion = args.skipCrossRegionCopy === true ? undefined : secondRegion(where, key, region, args.copyRegion, "copyRegion", "skipCrossRegionCopy");
    const retentionDays = args.retentionDays ?? 35;
    checkInteger(where, "retentionDays", retentionDays, 1, MAX_VAULT_RETENTION_DAYS, "days", "AWS Backup retention");
    const copyRetentionDays = args.copyRetentionDays ?? retentionDays;
    checkInteger(where, "copyRetentionDays", copyRetentionDays, 1, MAX_VAULT_RETENTION_DAYS, "days", "AWS Backup retention");
    const schedule = args.schedule ?? "cron(0 5 ? * * *)";
    if (!/^(cron|rate)\(.+\)$/.test(schedule)) {
      throw new InvalidArgumentError(`${where}: schedule "${schedule}" is invalid; expected an AWS Backup expression such as "cron(0 5 ? * * *)".`);
    }
    const startWindow = args.startWindowMinutes ?? 60;
    checkInteger(where, "startWindowMinutes", startWindow, 60, 43200, "minutes", "AWS Backup start window");
    const completionWindow = args.completionWindowMinutes ?? 1440;
    checkInteger(where, "completionWindowMinutes", completionWindow, startWindow + 60, 43200, "minutes", "at least an hour after the start window");

    if (args.skipVaultLock === true && args.vaultLock !== undefined) {
      throw new InvalidArgumentError(`${where}: vaultLock and skipVaultLock: true were both given; expected one of them.`);
    }
    const lock = args.vaultLock ?? {};
    const mode = lock.mode ?? "compliance";
    if (mode !== "compliance" && mode !== "governance") {
      throw new InvalidArgumentError(`${where}: vaultLock.mode "${String(mode)}" is not allowed; expected "compliance" or "governance".`);
    }
    if (mode === "governance" && lock.changeableForDays !== undefined) {
      throw new InvalidArgumentError(`${where}: vaultLock.changeableForDays is given with governance mode; expected it only with mode "compliance" (it starts the countdown to an immutable lock).`);
    }
    const changeableForDays = mode === "compliance" ? (lock.changeableForDays ?? MIN_CHANGEABLE_FOR_DAYS) : undefined;
    if (changeableForDays !== undefined) {
      checkInteger(where, "vaultLock.changeableForDays", changeableForDays, MIN_CHANGEABLE_FOR_DAYS, MAX_VAULT_RETENTION_DAYS, "days", "Vault Lock grace period");
    }
    const maxRetentionDays = lock.maxRetentionDays ?? 3650;
    checkInteger(where, "vaultLock.maxRetentionDays", maxRetentionDays, 1, MAX_VAULT_RETENTION_DAYS, "days");
    const lockFor = (field: string, retention: number) => {
      if (lock.minRetentionDays !== undefined) {
        checkInteger(where, "vaultLock.minRetentionDays", lock.minRetentionDays, 1, maxRetentionDays, "days", "at most vaultLock.maxRetentionDays");
      }
      const min = lock.minRetentionDays ?? retention;
      if (args.skipVaultLock !== true && (retention < min || retention > maxRetentionDays)) {
        throw new InvalidArgumentError(
          `${where}: ${field} ${retention} is outside the vault lock's range [${min}, ${maxRetentionDays}] days; expected a retention within it (AWS Backup fails every job whose retention the lock refuses), or change vaultLock.`,
        );
      }
      return { minRetentionDays: min, maxRetentionDays, ...(changeableForDays !== undefined ? { changeableForDays } : {}) };
    };
    const homeLock = lockFor("retentionDays", retentionDays);
    const copyLock = copyRegion !== undefined ? lockFor("copyRetentionDays", copyRetentionDays) : undefined;
    const selectionTags = args.selectionTags ?? { [TAG_KEYS.dataClassification]: "phi" };
    if (Object.keys(selectionTags).length === 0) {
      throw new InvalidArgumentError(`${where}: selectionTags is empty; expected at least one tag, e.g. { "data-classification": "phi" }.`);
    }
    checkProviders(where, args.providers, copyRegion ? [region, copyRegion] : [region]);
    const tags = conventionTags({ type: BACKUP_PLAN_TYPE, name }, args);

    super(BACKUP_PLAN_TYPE, name, {}, opts);
    this.region = region;
    this.copyRegion = copyRegion;
    this.retentionDays = retentionDays;
    const partition = partitionFor(region);
    const locked = args.skipVaultLock !== true;

    this.vault = new aws.backup.Vault(
      `${name}-vault`,
      { region, kmsKeyArn: key.arnFor(region), forceDestroy: false, tags },
      childOptions(this, args.providers, region),
    );
    if (locked) {
      this.vaultLock = new aws.backup.VaultLockConfiguration(
        `${name}-vault-lock`,
        { region, backupVaultName: this.vault.name, ...homeLock },
        childOptions(this, args.providers, region),
      );
    }
    if (copyRegion !== undefined) {
      this.copyVault = new aws.backup.Vault(
        `${name}-copy-vault`,
        { region: copyRegion, kmsKeyArn: key.arnFor(copyRegion), forceDestroy: false, tags },
        childOptions(this, args.providers, copyRegion),
      );
      if (locked && copyLock) {
        this.copyVaultLock = new aws.backup.VaultLockConfiguration(
          `${name}-copy-vault-lock`,
          { region: copyRegion, backupVaultName: this.copyVault.name, ...copyLock },
          childOptions(this, args.providers, copyRegion),
        );
      }
    }

    this.role = new aws.iam.Role(
      `${name}-role`,
      {
        description: `AWS Backup plan ${name}`,
        assumeRolePolicy: serviceTrustPolicy("backup.amazonaws.com"),
        maxSessionDuration: 3600,
        tags,
      },
      childOptions(this, args.providers, undefined),
    );
    const attachments = Object.entries(BACKUP_ROLE_POLICIES).map(
      ([suffix, path]) =>
        new aws.iam.RolePolicyAttachment(
          `${name}-role-${suffix}`,
          { role: this.role.name, policyArn: `arn:${partition}:iam::aws:policy/${path}` },
          childOptions(this, args.providers, undefined),
        ),
    );

    this.plan = new aws.backup.Plan(
      `${name}-plan`,
      {
        region,
        rules: [
          {
            ruleName: "daily",
            targetVaultName: this.vault.name,
            schedule,
            startWindow,
            completionWindow,
            lifecycle: { deleteAfter: retentionDays },
            recoveryPointTags: tags,
            ...(this.copyVault ? { copyActions: [{ destinationVaultArn: this.copyVault.arn, lifecycle: { deleteAfter: copyRetentionDays } }] } : {}),
          },
        ],
        tags,
      },
      childOptions(this, args.providers, region, { dependsOn: [this.vaultLock, this.copyVaultLock].filter((r): r is aws.backup.VaultLockConfiguration => r !== undefined) }),
    );
    this.selection = new aws.backup.Selection(
      `${name}-selection`,
      {
        region,
        name: "phi-by-tag",
        planId: this.plan.id,
        iamRoleArn: this.role.arn,
        selectionTags: Object.entries(selectionTags).map(([tagKey, value]) => ({ type: "STRINGEQUALS", key: tagKey, value })),
      },
      childOptions(this, args.providers, region, { dependsOn: attachments }),
    );
    this.registerOutputs({ region, copyRegion, retentionDays, vaultName: this.vault.name, planId: this.plan.id });
  }
}
