package phiguard

import rego.v1

# METADATA
# title: account-root-has-security-hub
# description: An account-root stack enables AWS Security Hub in every region it covers and subscribes it to the AWS Foundational Security Best Practices and CIS AWS Foundations Benchmark standards, so misconfigurations and GuardDuty findings are collected for review in one place.
stack_deny_account_root_has_security_hub contains msg if some msg in analyzer_stack_messages("account-root-has-security-hub")

_acct_hub_id := "account-root-has-security-hub"

account_root_has_security_hub := units_outcome([_acct_hub_region(region) | some region in acct_regions(_acct_hub_id)]) if {
	acct_account_root
} else := []

_acct_hub_region(region) := [acct_stack_violation(concat("", ["Security Hub is not enabled (no aws.securityhub.Account) in ", acct_describe_region(region), "."]))] if {
	count(acct_in_region("aws:securityhub/account:Account", region)) == 0
} else := array.concat(evs, [acct_stack_violation(concat("", ["Security Hub in ", acct_describe_region(region), " is not subscribed to ", acct_listing(missing), " (aws.securityhub.StandardsSubscription)."])) | count(missing) > 0]) if {
	reads := [acct_prop(s, ["standardsArn"]) | some s in acct_in_region("aws:securityhub/standardsSubscription:StandardsSubscription", region)]
	evs := [e | some r in reads; some e in unk(r)]
	arns := [js_string_read(r) | some r in reads; r.k != "unk"]
	standards := config(_acct_hub_id, "standards", ["aws-foundational-security-best-practices", "cis-aws-foundations-benchmark"])
	missing := [standard |
		some standard in standards
		not _acct_hub_subscribed(arns, standard)
	]
}

_acct_hub_subscribed(arns, standard) if {
	some arn in arns
	contains(arn, concat("", ["/", js_string(standard), "/"]))
}

catalog["account-root-has-security-hub"] := _rule("stack_deny_account_root_has_security_hub", {"aws:securityhub/account:Account", "aws:securityhub/standardsSubscription:StandardsSubscription"})

stack_rule_events("account-root-has-security-hub") := account_root_has_security_hub
