package phiguard

import rego.v1

# METADATA
# title: iam-user-no-inline-policies
# description: "IAM users have no inline policies (no aws.iam.UserPolicy; an aws.iam.UserPoliciesExclusive, which removes every inline policy not listed, lists none); permissions come from groups or roles, where they are reviewed once for everyone."
deny_iam_user_no_inline_policies contains msg if some msg in analyzer_messages("iam-user-no-inline-policies")

aws_iam_user_no_inline_policies(r) := _iam_user_no_inline_policies(r)

_iam_user_no_inline_policies(r) := [{"m": "an inline policy is attached directly to an IAM user."}] if {
	r.type == "aws:iam/userPolicy:UserPolicy"
} else := array.concat(unk(names), [{"m": "the user's exclusive inline policy list is not empty."} | names.k != "unk"; aws_array_length(names) > 0]) if {
	names := aws_prop(r, ["policyNames"])
}

catalog["iam-user-no-inline-policies"] := _rule("deny_iam_user_no_inline_policies", {"aws:iam/userPolicy:UserPolicy", "aws:iam/userPoliciesExclusive:UserPoliciesExclusive"})

resource_rule_events("iam-user-no-inline-policies", r) := aws_iam_user_no_inline_policies(r)
