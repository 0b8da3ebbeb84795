package phiguard

import rego.v1

# METADATA
# title: cloudwatch-log-group-encrypted-with-kms
# description: "CloudWatch Logs log groups are encrypted with a customer managed KMS key (logs may contain PHI)."
deny_cloudwatch_log_group_encrypted_with_kms contains msg if some msg in analyzer_messages("cloudwatch-log-group-encrypted-with-kms")

aws_cloudwatch_log_group_encrypted_with_kms(r) := aws_customer_key(r, "kmsKeyId", ".")

catalog["cloudwatch-log-group-encrypted-with-kms"] := _rule("deny_cloudwatch_log_group_encrypted_with_kms", {"aws:cloudwatch/logGroup:LogGroup"})

resource_rule_events("cloudwatch-log-group-encrypted-with-kms", r) := aws_cloudwatch_log_group_encrypted_with_kms(r)
