package phiguard

import rego.v1

# METADATA
# title: kms-key-policy-no-wildcard-principal
# description: "KMS key policies do not allow the wildcard principal (\"*\") without a condition that scopes it (e.g. kms:CallerAccount or kms:ViaService)."
deny_kms_key_policy_no_wildcard_principal contains msg if some msg in analyzer_messages("kms-key-policy-no-wildcard-principal")

aws_kms_key_policy_no_wildcard_principal(r) := unk(policy) if {
	policy := aws_prop(r, ["policy"])
	policy.k == "unk"
} else := [] if {
	policy := aws_prop(r, ["policy"])
	not _kms_policy_given(policy)
} else := _kms_policy_events(p) if {
	p := pd_statements(aws_prop(r, ["policy"]))
} else := []

# The document's statements are parsed once and looked at twice.
_kms_policy_events(p) := pd_doc_stop(p) if {
	count(p.err) + count(p.evs) > 0
} else := [{"m": concat("", [pd_statement_label(st), "allows ", _kms_policy_actions(st), " to any principal (\"*\") without a condition."])} |
	some st in p.st
	st.effect == "Allow"
	pd_wildcard_principal(st)
	not pd_has_conditions(st)
]

_kms_policy_given(policy) if {
	policy.k == "val"
	not policy.v in {null, ""}
}

_kms_policy_actions(st) := "actions" if {
	concat(", ", st.actions) == ""
} else := concat(", ", st.actions)

catalog["kms-key-policy-no-wildcard-principal"] := _rule("deny_kms_key_policy_no_wildcard_principal", {"aws:kms/key:Key", "aws:kms/replicaKey:ReplicaKey"})

resource_rule_events("kms-key-policy-no-wildcard-principal", r) := aws_kms_key_policy_no_wildcard_principal(r)
