package phiguard

import rego.v1

# METADATA
# title: iam-user-no-attached-policies
# description: "No managed policy is attached directly to an IAM user (aws.iam.UserPolicyAttachment, aws.iam.PolicyAttachment with users, or a non-empty aws.iam.UserPolicyAttachmentsExclusive)."
deny_iam_user_no_attached_policies contains msg if some msg in analyzer_messages("iam-user-no-attached-policies")

aws_iam_user_no_attached_policies(r) := [{"m": "a managed policy is attached directly to an IAM user."}] if {
	r.type == "aws:iam/userPolicyAttachment:UserPolicyAttachment"
} else := array.concat(unk(arns), [{"m": "the user's exclusive managed policy list is not empty."} | arns.k != "unk"; aws_array_length(arns) > 0]) if {
	r.type == "aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive"
	arns := aws_prop(r, ["policyArns"])
} else := array.concat(unk(users), [{"m": "the policy attachment attaches a managed policy directly to IAM users."} | users.k != "unk"; aws_array_length(users) > 0]) if {
	users := aws_prop(r, ["users"])
}

catalog["iam-user-no-attached-policies"] := _rule("deny_iam_user_no_attached_policies", {"aws:iam/userPolicyAttachment:UserPolicyAttachment", "aws:iam/policyAttachment:PolicyAttachment", "aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive"})

resource_rule_events("iam-user-no-attached-policies", r) := aws_iam_user_no_attached_policies(r)
