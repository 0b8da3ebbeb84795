package phiguard

import rego.v1

# METADATA
# title: account-root-has-password-policy
# description: An account-root stack sets the account's IAM password policy (its strength is checked by iam-account-password-policy-strong), so IAM users cannot keep AWS's permissive default.
stack_deny_account_root_has_password_policy contains msg if some msg in analyzer_stack_messages("account-root-has-password-policy")

account_root_has_password_policy := [acct_stack_violation("no account password policy (aws.iam.AccountPasswordPolicy): IAM users get AWS's default policy (8 characters, no expiry, reuse allowed).")] if {
	acct_account_root
	count(resources_of_type("aws:iam/accountPasswordPolicy:AccountPasswordPolicy")) == 0
} else := []

catalog["account-root-has-password-policy"] := _rule("stack_deny_account_root_has_password_policy", {"aws:iam/accountPasswordPolicy:AccountPasswordPolicy"})

stack_rule_events("account-root-has-password-policy") := account_root_has_password_policy
