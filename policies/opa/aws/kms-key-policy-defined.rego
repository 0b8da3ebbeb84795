package phiguard

import rego.v1

# METADATA
# title: kms-key-policy-defined
# description: "KMS keys have an explicit key policy. Without one, AWS applies the default policy, which lets every IAM principal of the account that has kms:* permissions use the key."
warn_kms_key_policy_defined contains msg if some msg in analyzer_messages("kms-key-policy-defined")

aws_kms_key_policy_defined(r) := aws_unless_has_value(r, [], "policy", "no key policy is set; AWS applies the default key policy.")

catalog["kms-key-policy-defined"] := _rule("warn_kms_key_policy_defined", {"aws:kms/key:Key", "aws:kms/replicaKey:ReplicaKey"})

resource_rule_events("kms-key-policy-defined", r) := aws_kms_key_policy_defined(r)
