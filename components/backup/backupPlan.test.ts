import { describe, expect, it } from "vitest";
import { constructionErrors, expectConventionTags, findingKeys, packFindings, planProgram, PRIMARY_KEY_URN, REPLICA_KEY_URN } from "../storage/fixtures/plan-helpers";

describe("BackupPlan (planned, two regions)", () => {
  it("backs up every PHI-tagged resource daily for 35 days into a locked CMK vault, copied to a locked vault in the other region", async () => {
    const view = await planProgram(`
new BackupPlan("backup", { key });
new PhiTable("vitals", { key, hashKey: "id", attributes: [{ name: "id", type: "S" }] });
`);
    const urn = (name: string) => view.urn(name);
    expect(view.get("backup").type).toBe("phiguard:backup:BackupPlan");
    expect(view.childNames("backup")).toEqual(
      [
        "backup-copy-vault",
        "backup-copy-vault-lock",
        "backup-plan",
        "backup-role",
        "backup-role-backup",
        "backup-role-restores",
        "backup-role-s3-backup",
        "backup-role-s3-restores",
        "backup-selection",
        "backup-vault",
        "backup-vault-lock",
      ].sort(),
    );

    // Vaults under the CMK (home) and the replica key (copy region), both locked.
    expect(view.get("backup-vault").region).toBe("us-east-1");
    expect(view.props("backup-vault").forceDestroy).toBe(false);
    expect(view.deps("backup-vault", "kmsKeyArn")).toEqual([PRIMARY_KEY_URN]);
    expect(view.props("backup-vault-lock")).toMatchObject({ minRetentionDays: 35, maxRetentionDays: 3650, changeableForDays: 3, region: "us-east-1" });
    expect(view.deps("backup-vault-lock", "backupVaultName")).toEqual([urn("backup-vault")]);
    expect(view.get("backup-copy-vault").region).toBe("us-west-2");
    expect(view.deps("backup-copy-vault", "kmsKeyArn")).toEqual([REPLICA_KEY_URN]);
    expect(view.props("backup-copy-vault-lock")).toMatchObject({ minRetentionDays: 35, maxRetentionDays: 3650, changeableForDays: 3, region: "us-west-2" });
    expect(view.deps("backup-copy-vault-lock", "backupVaultName")).toEqual([urn("backup-copy-vault")]);

    // The plan: daily, 35 days, copied to the other region for 35 days.
    const plan = view.get("backup-plan");
    expect(plan.props.rules).toEqual([
      {
        ruleName: "daily",
        targetVaultName: { "@phiguard": "unknown" },
        schedule: "cron(0 5 ? * * *)",
        startWindow: 60,
        completionWindow: 1440,
        lifecycle: { deleteAfter: 35 },
        recoveryPointTags: plan.props.tags,
        copyActions: [{ destinationVaultArn: { "@phiguard": "unknown" }, lifecycle: { deleteAfter: 35 } }],
      },
    ]);
    expect(view.deps("backup-plan", "rules")).toEqual(expect.arrayContaining([urn("backup-vault"), urn("backup-copy-vault")]));
    expect(plan.dependencies).toEqual(expect.arrayContaining([urn("backup-vault-lock"), urn("backup-copy-vault-lock")]));

    // The selection uses the plan and the role, and selects by the convention's PHI tag.
    expect(view.props("backup-selection")).toMatchObject({
      name: "phi-by-tag",
      selectionTags: [{ type: "STRINGEQUALS", key: "data-classification", value: "phi" }],
    });
    expect(view.props("backup-selection").resources).toBeUndefined();
    expect(view.deps("backup-selection", "planId")).toEqual([urn("backup-plan")]);
    expect(view.deps("backup-selection", "iamRoleArn")).toEqual([urn("backup-role")]);
    expect(view.policy("backup-role", "assumeRolePolicy").Statement[0].Principal).toEqual({ Service: "backup.amazonaws.com" });
    expect(view.props("backup-role-backup").policyArn).toBe("arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup");
    expect(view.props("backup-role-s3-backup").policyArn).toBe("arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForS3Backup");
    expect(view.deps("backup-role-backup", "role")).toEqual([urn("backup-role")]);

    expectConventionTags(view, "backup");
    expect(findingKeys(await packFindings(view))).toEqual([]);
  });

  it("takes a governance lock and longer retentions", async () => {
    const view = await planProgram(`new BackupPlan("backup", { key, retentionDays: 90, copyRetentionDays: 365, vaultLock: { mode: "governance", minRetentionDays: 30, maxRetentionDays: 2555 } });`);
    expect(view.props("backup-vault-lock")).toMatchObject({ minRetentionDays: 30, maxRetentionDays: 2555 });
    expect(view.props("backup-vault-lock").changeableForDays).toBeUndefined();
    expect(view.props("backup-plan").rules[0]).toMatchObject({ lifecycle: { deleteAfter: 90 }, copyActions: [{ lifecycle: { deleteAfter: 365 } }] });
  });

  it("opts out only through explicit args, and the plan and the HIPAA pack show it", async () => {
    const view = await planProgram(`
new BackupPlan("regional", { key, skipCrossRegionCopy: true });
new BackupPlan("unlocked", { key, skipVaultLock: true });
`);
    expect(view.has("regional-copy-vault")).toBe(false);
    expect(view.props("regional-plan").rules[0].copyActions).toBeUndefined();
    expect(view.ofType("aws:backup/vaultLockConfiguration:VaultLockConfiguration").map((r) => r.name)).toEqual(["regional-vault-lock"]);
    expect(findingKeys(await packFindings(view))).toEqual([
      "backup-plan-copies-to-another-region regional-plan",
      "backup-vault-lock-enabled unlocked-copy-vault",
      "backup-vault-lock-enabled unlocked-vault",
    ]);
  });

  it("fails at construction on invalid args, saying what was given and what is expected", async () => {
    const errors = await constructionErrors([
      `new BackupPlan("a", { key, retentionDays: 20, vaultLock: { minRetentionDays: 30 } })`,
      `new BackupPlan("b", { key, vaultLock: { changeableForDays: 2 } })`,
      `new BackupPlan("c", { key, retentionDays: 0 })`,
      `new BackupPlan("d", { key: new EnvelopeKey("solo", { regions: ["us-east-1"] }) })`,
      `new BackupPlan("e", { key, copyRegion: "eu-west-1" })`,
      `new BackupPlan("f", { key, vaultLock: { mode: "governance", changeableForDays: 7 } })`,
      `new BackupPlan("g", { key, schedule: "daily" })`,
      `new BackupPlan("h", { key, retentionDays: 4000 })`,
    ]);
    expect(errors[0]).toMatch(/BackupPlan "a": retentionDays 20 is outside the vault lock's range \[30, 3650\] days/);
    expect(errors[1]).toMatch(/vaultLock.changeableForDays 2 is out of range; expected a whole number of days from 3 to 36500/);
    expect(errors[2]).toMatch(/retentionDays 0 is out of range; expected a whole number of days from 1 to 36500/);
    expect(errors[3]).toMatch(/copyRegion needs a second region but the EnvelopeKey spans only \[us-east-1\]; .*skipCrossRegionCopy: true/);
    expect(errors[4]).toMatch(/copyRegion "eu-west-1" has no key/);
    expect(errors[5]).toMatch(/changeableForDays is given with governance mode/);
    expect(errors[6]).toMatch(/schedule "daily" is invalid/);
    expect(errors[7]).toMatch(/retentionDays 4000 is outside the vault lock's range \[4000, 3650\] days/);
  });
});
