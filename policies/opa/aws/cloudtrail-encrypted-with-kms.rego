package phiguard

import rego.v1

# METADATA
# title: cloudtrail-encrypted-with-kms
# description: "CloudTrail trails encrypt their log files with a customer managed KMS key (SSE-KMS)."
deny_cloudtrail_encrypted_with_kms contains msg if some msg in analyzer_messages("cloudtrail-encrypted-with-kms")

aws_cloudtrail_encrypted_with_kms(r) := aws_customer_key(r, "kmsKeyId", "; log files are encrypted with SSE-S3 only.")

catalog["cloudtrail-encrypted-with-kms"] := _rule("deny_cloudtrail_encrypted_with_kms", {"aws:cloudtrail/trail:Trail"})

resource_rule_events("cloudtrail-encrypted-with-kms", r) := aws_cloudtrail_encrypted_with_kms(r)
