package phiguard

import rego.v1

# METADATA
# title: account-root-ebs-encryption-by-default
# description: An account-root stack turns on EBS encryption by default with a customer managed KMS key in every region it covers, so no volume or snapshot, however it is created, holds PHI unencrypted or under an AWS managed key.
stack_deny_account_root_ebs_encryption_by_default contains msg if some msg in analyzer_stack_messages("account-root-ebs-encryption-by-default")

_acct_ebs_id := "account-root-ebs-encryption-by-default"

account_root_ebs_encryption_by_default := units_outcome([_acct_ebs_region(region) | some region in acct_regions(_acct_ebs_id)]) if {
	acct_account_root
} else := []

_acct_ebs_region(region) := array.concat(
	array.concat(hit.evs, [acct_stack_violation(concat("", ["EBS encryption by default is not turned on (no aws.ebs.EncryptionByDefault with enabled: true) in ", acct_describe_region(region), "."])) | not hit.v]),
	_acct_ebs_keys(region),
) if {
	hit := first_hit([_acct_ebs_enabled(s) | some s in acct_in_region("aws:ebs/encryptionByDefault:EncryptionByDefault", region)])
}

# `s.props.enabled !== false`.
_acct_ebs_enabled(s) := {"evs": unk(enabled), "v": _acct_ebs_not_false(enabled)} if {
	enabled := acct_prop(s, ["enabled"])
}

_acct_ebs_not_false(read) if {
	read.k != "unk"
	not is_val(read, false)
} else := false

_acct_ebs_keys(region) := [acct_stack_violation(concat("", ["no customer managed default EBS key (aws.ebs.DefaultKmsKey) in ", acct_describe_region(region), ": volumes are encrypted with the AWS managed key aws/ebs."]))] if {
	count(acct_in_region("aws:ebs/defaultKmsKey:DefaultKmsKey", region)) == 0
} else := [{"m": concat("", ["the default EBS key in ", acct_describe_region(region), ": ", problem, "."]), "urn": key.urn} |
	some key in acct_in_region("aws:ebs/defaultKmsKey:DefaultKmsKey", region)
	problem := aws_customer_key_problem(key.props, "keyArn")
]

catalog["account-root-ebs-encryption-by-default"] := _rule("stack_deny_account_root_ebs_encryption_by_default", {"aws:ebs/encryptionByDefault:EncryptionByDefault", "aws:ebs/defaultKmsKey:DefaultKmsKey"})

stack_rule_events("account-root-ebs-encryption-by-default") := account_root_ebs_encryption_by_default
