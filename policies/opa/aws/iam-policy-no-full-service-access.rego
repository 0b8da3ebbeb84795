package phiguard

import rego.v1

# METADATA
# title: iam-policy-no-full-service-access
# description: "IAM policies do not allow every action of a service (\"s3:*\", \"kms:*\", ...); they list the actions the principal needs."
warn_iam_policy_no_full_service_access contains msg if some msg in analyzer_messages("iam-policy-no-full-service-access")

aws_iam_policy_no_full_service_access(r) := array.concat(ids.evs, [e | count(ids.evs) == 0; some x in ids.docs; some e in _iam_full_service_document(x.where, pd_statements(x.d))]) if {
	ids := pd_identity_policies(r)
}

_iam_full_service_document(where, p) := pd_doc_stop(p) if {
	count(p.err) + count(p.evs) > 0
} else := [{"m": concat("", [where, ": ", pd_statement_label(st), "allows ", pd_listing(full), "."])} |
	some st in p.st
	st.effect == "Allow"
	full := [a | some a in st.actions; regex.match(`^[a-zA-Z0-9-]+:\*$`, a)]
	count(full) > 0
]

catalog["iam-policy-no-full-service-access"] := _rule("warn_iam_policy_no_full_service_access", {"aws:iam/policy:Policy", "aws:iam/rolePolicy:RolePolicy", "aws:iam/userPolicy:UserPolicy", "aws:iam/groupPolicy:GroupPolicy", "aws:iam/role:Role"})

resource_rule_events("iam-policy-no-full-service-access", r) := aws_iam_policy_no_full_service_access(r)
