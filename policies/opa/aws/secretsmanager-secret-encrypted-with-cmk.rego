package phiguard

import rego.v1

# METADATA
# title: secretsmanager-secret-encrypted-with-cmk
# description: "Secrets Manager secrets are encrypted with a customer managed KMS key, not the AWS managed aws/secretsmanager key."
deny_secretsmanager_secret_encrypted_with_cmk contains msg if some msg in analyzer_messages("secretsmanager-secret-encrypted-with-cmk")

aws_secretsmanager_secret_encrypted_with_cmk(r) := aws_customer_key(r, "kmsKeyId", ".")

catalog["secretsmanager-secret-encrypted-with-cmk"] := _rule("deny_secretsmanager_secret_encrypted_with_cmk", {"aws:secretsmanager/secret:Secret"})

resource_rule_events("secretsmanager-secret-encrypted-with-cmk", r) := aws_secretsmanager_secret_encrypted_with_cmk(r)
