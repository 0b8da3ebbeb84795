package phiguard

import rego.v1

# METADATA
# title: account-root-has-config-conformance-pack
# description: "An account-root stack deploys an AWS Config conformance pack (the AWS \"Operational Best Practices for HIPAA Security\" pack) in every region it covers: the run-time complement of this preview-time pack, which keeps evaluating resources changed outside Pulumi."
stack_deny_account_root_has_config_conformance_pack contains msg if some msg in analyzer_stack_messages("account-root-has-config-conformance-pack")

account_root_has_config_conformance_pack := units_outcome([_acct_pack_region(region) | some region in acct_regions("account-root-has-config-conformance-pack")]) if {
	acct_account_root
} else := []

_acct_pack_region(region) := [acct_stack_violation(concat("", ["no AWS Config conformance pack (aws.cfg.ConformancePack) in ", acct_describe_region(region), "."]))] if {
	count(acct_in_region("aws:cfg/conformancePack:ConformancePack", region)) == 0
} else := [{"m": concat("", ["the conformance pack in ", acct_describe_region(region), " has neither templateBody nor templateS3Uri."]), "urn": pack.urn} |
	some pack in acct_in_region("aws:cfg/conformancePack:ConformancePack", region)
	not aws_has_value(pack.props, "templateBody")
	not aws_has_value(pack.props, "templateS3Uri")
]

catalog["account-root-has-config-conformance-pack"] := _rule("stack_deny_account_root_has_config_conformance_pack", {"aws:cfg/conformancePack:ConformancePack"})

stack_rule_events("account-root-has-config-conformance-pack") := account_root_has_config_conformance_pack
