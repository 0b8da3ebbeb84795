package phiguard

import rego.v1

# METADATA
# title: sqs-queue-encrypted-with-kms
# description: "SQS queues are encrypted with a customer managed KMS key (SSE-KMS), not SSE-SQS or the AWS managed key."
deny_sqs_queue_encrypted_with_kms contains msg if some msg in analyzer_messages("sqs-queue-encrypted-with-kms")

aws_sqs_queue_encrypted_with_kms(r) := aws_customer_key(r, "kmsMasterKeyId", "; messages are not encrypted with a customer managed key.")

catalog["sqs-queue-encrypted-with-kms"] := _rule("deny_sqs_queue_encrypted_with_kms", {"aws:sqs/queue:Queue"})

resource_rule_events("sqs-queue-encrypted-with-kms", r) := aws_sqs_queue_encrypted_with_kms(r)
