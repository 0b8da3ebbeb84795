package phiguard

import rego.v1

# METADATA
# title: backup-vault-encrypted-with-cmk
# description: "AWS Backup vaults encrypt recovery points with a customer managed KMS key."
deny_backup_vault_encrypted_with_cmk contains msg if some msg in analyzer_messages("backup-vault-encrypted-with-cmk")

aws_backup_vault_encrypted_with_cmk(r) := aws_customer_key(r, "kmsKeyArn", "; recovery points use the AWS managed backup key.")

catalog["backup-vault-encrypted-with-cmk"] := _rule("deny_backup_vault_encrypted_with_cmk", {"aws:backup/vault:Vault"})

resource_rule_events("backup-vault-encrypted-with-cmk", r) := aws_backup_vault_encrypted_with_cmk(r)
