import { CITES } from "../../controls";
import { VAULT, VAULT_LOCK } from "./lib/backup";
import { childrenOf, forEachDeferred, ofType } from "./lib/stack";
import { stackRule } from "./lib/rule";

export default stackRule({
  name: "backup-vault-lock-enabled",
  description:
    "AWS Backup vaults have a Vault Lock (aws.backup.VaultLockConfiguration), so recovery points cannot be deleted early, manually or by an attacker.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.backupPlan, "164.312(c)(1)"],
  remediation:
    "Use the `BackupPlan` component (vault lock on by default), or add an `aws.backup.VaultLockConfiguration` with `backupVaultName: vault.name` and `minRetentionDays`.",
  controls: {
    awsConfig: ["BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED"],
  },
  resourceTypes: [VAULT],
  check: (args, report) => {
    forEachDeferred(ofType(args.resources, VAULT), (vault) => {
      if (childrenOf(args.resources, vault, VAULT_LOCK, "backupVaultName", ["name"]).length === 0) {
        report("no aws.backup.VaultLockConfiguration locks this vault.", vault.urn);
      }
    });
  },
});
