package phiguard

import rego.v1

# METADATA
# title: sns-topic-encrypted-with-kms
# description: "SNS topics are encrypted with a customer managed KMS key."
deny_sns_topic_encrypted_with_kms contains msg if some msg in analyzer_messages("sns-topic-encrypted-with-kms")

aws_sns_topic_encrypted_with_kms(r) := aws_customer_key(r, "kmsMasterKeyId", ".")

catalog["sns-topic-encrypted-with-kms"] := _rule("deny_sns_topic_encrypted_with_kms", {"aws:sns/topic:Topic"})

resource_rule_events("sns-topic-encrypted-with-kms", r) := aws_sns_topic_encrypted_with_kms(r)
