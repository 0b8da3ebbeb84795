package phiguard

import rego.v1

# METADATA
# title: backup-vault-lock-enabled
# description: "AWS Backup vaults have a Vault Lock (aws.backup.VaultLockConfiguration), so recovery points cannot be deleted early, manually or by an attacker."
stack_deny_backup_vault_lock_enabled contains msg if some msg in analyzer_stack_messages("backup-vault-lock-enabled")

# One attempt per vault; nothing is read through the proxy.
net_backup_vault_lock_enabled := [{"m": "no aws.backup.VaultLockConfiguration locks this vault.", "urn": vault.urn} |
	some vault in resources_of_type("aws:backup/vault:Vault")
	count(children_of(vault, "aws:backup/vaultLockConfiguration:VaultLockConfiguration", "backupVaultName", ["name"])) == 0
]

catalog["backup-vault-lock-enabled"] := _rule("stack_deny_backup_vault_lock_enabled", {"aws:backup/vault:Vault"})

stack_rule_events("backup-vault-lock-enabled") := net_backup_vault_lock_enabled
