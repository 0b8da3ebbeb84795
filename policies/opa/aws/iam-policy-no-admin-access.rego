package phiguard

import rego.v1

# METADATA
# title: iam-policy-no-admin-access
# description: "No IAM policy allows every action on every resource (\"Action\": \"*\", \"Resource\": \"*\"), and no role, user or group gets the AWS managed AdministratorAccess policy."
deny_iam_policy_no_admin_access contains msg if some msg in analyzer_messages("iam-policy-no-admin-access")

_iam_admin_attachments := {"aws:iam/rolePolicyAttachment:RolePolicyAttachment", "aws:iam/userPolicyAttachment:UserPolicyAttachment", "aws:iam/groupPolicyAttachment:GroupPolicyAttachment", "aws:iam/policyAttachment:PolicyAttachment"}

_iam_admin_arn := `^arn:aws[a-z-]*:iam::aws:policy/AdministratorAccess$`

aws_iam_policy_no_admin_access(r) := _iam_admin_attachment(aws_prop(r, ["policyArn"])) if {
	r.type in _iam_admin_attachments
} else := array.concat(_iam_admin_managed(r), _iam_admin_documents(r))

_iam_admin_attachment(s) := unk(s) if {
	s.k == "unk"
} else := pd_text_evs(s) if {
	count(pd_text_evs(s)) > 0
} else := [{"m": "attaches the AWS managed AdministratorAccess policy."} | regex.match(_iam_admin_arn, _iam_admin_text(s))]

_iam_admin_text(s) := pd_js_string(s.v) if {
	s.k == "val"
} else := "undefined"

_iam_admin_managed(r) := array.concat([e | some item in arns.items; some e in _iam_admin_managed_arn(item)], arns.evs) if {
	r.type == pd_role
	arns := pd_array_of(aws_prop(r, ["managedPolicyArns"]))
} else := []

_iam_admin_managed_arn(item) := text.evs if {
	text := pd_text(item.v, item.o, item.p)
	count(text.evs) > 0
} else := [{"m": "managedPolicyArns includes AdministratorAccess."} | regex.match(_iam_admin_arn, pd_js_string(item.v))]

_iam_admin_documents(r) := array.concat(ids.evs, [e | count(ids.evs) == 0; some x in ids.docs; some e in _iam_admin_document(x.where, pd_statements(x.d))]) if {
	ids := pd_identity_policies(r)
}

_iam_admin_document(where, p) := pd_doc_stop(p) if {
	count(p.err) + count(p.evs) > 0
} else := [{"m": concat("", [where, ": ", pd_statement_label(st), "allows \"*\" on \"*\"."])} |
	some st in p.st
	st.effect == "Allow"
	_iam_admin_all_actions(st)
	"*" in st.resources
]

_iam_admin_all_actions(st) if "*" in st.actions

_iam_admin_all_actions(st) if "*:*" in st.actions

catalog["iam-policy-no-admin-access"] := _rule("deny_iam_policy_no_admin_access", {"aws:iam/policy:Policy", "aws:iam/rolePolicy:RolePolicy", "aws:iam/userPolicy:UserPolicy", "aws:iam/groupPolicy:GroupPolicy", "aws:iam/role:Role", "aws:iam/rolePolicyAttachment:RolePolicyAttachment", "aws:iam/userPolicyAttachment:UserPolicyAttachment", "aws:iam/groupPolicyAttachment:GroupPolicyAttachment", "aws:iam/policyAttachment:PolicyAttachment"})

resource_rule_events("iam-policy-no-admin-access", r) := aws_iam_policy_no_admin_access(r)
