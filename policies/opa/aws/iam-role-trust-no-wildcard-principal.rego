package phiguard

import rego.v1

# METADATA
# title: iam-role-trust-no-wildcard-principal
# description: "IAM role trust policies do not let any principal (\"*\") assume the role without a condition that scopes who may."
deny_iam_role_trust_no_wildcard_principal contains msg if some msg in analyzer_messages("iam-role-trust-no-wildcard-principal")

aws_iam_role_trust_no_wildcard_principal(r) := _iam_trust_events(p) if {
	p := pd_statements(aws_prop(r, ["assumeRolePolicy"]))
} else := []

# The document's statements are parsed once and looked at twice.
_iam_trust_events(p) := pd_doc_stop(p) if {
	count(p.err) + count(p.evs) > 0
} else := [{"m": concat("", ["trust ", pd_statement_label(st), "lets any principal assume the role."])} |
	some st in p.st
	st.effect == "Allow"
	pd_wildcard_principal(st)
	not pd_has_conditions(st)
]

catalog["iam-role-trust-no-wildcard-principal"] := _rule("deny_iam_role_trust_no_wildcard_principal", {"aws:iam/role:Role"})

resource_rule_events("iam-role-trust-no-wildcard-principal", r) := aws_iam_role_trust_no_wildcard_principal(r)
