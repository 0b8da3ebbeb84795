package phiguard

import rego.v1

# METADATA
# title: iam-policy-no-kms-decrypt-on-all-keys
# description: "IAM policies do not allow kms:Decrypt or kms:ReEncryptFrom on all KMS keys (\"Resource\": \"*\"); they name the keys."
warn_iam_policy_no_kms_decrypt_on_all_keys contains msg if some msg in analyzer_messages("iam-policy-no-kms-decrypt-on-all-keys")

aws_iam_policy_no_kms_decrypt_on_all_keys(r) := array.concat(ids.evs, [e | count(ids.evs) == 0; some x in ids.docs; some e in _iam_kms_decrypt_document(x.where, pd_statements(x.d))]) if {
	ids := pd_identity_policies(r)
}

_iam_kms_decrypt_document(where, p) := pd_doc_stop(p) if {
	count(p.err) + count(p.evs) > 0
} else := [{"m": concat("", [where, ": ", pd_statement_label(st), "allows ", pd_listing(allowed), " on every key."])} |
	some st in p.st
	st.effect == "Allow"
	"*" in st.resources
	allowed := [b | some b in ["kms:Decrypt", "kms:ReEncryptFrom"]; _iam_kms_decrypt_allows(st, b)]
	count(allowed) > 0
]

_iam_kms_decrypt_allows(st, action) if {
	some a in st.actions
	pd_action_matches(a, action)
}

catalog["iam-policy-no-kms-decrypt-on-all-keys"] := _rule("warn_iam_policy_no_kms_decrypt_on_all_keys", {"aws:iam/policy:Policy", "aws:iam/rolePolicy:RolePolicy", "aws:iam/userPolicy:UserPolicy", "aws:iam/groupPolicy:GroupPolicy", "aws:iam/role:Role"})

resource_rule_events("iam-policy-no-kms-decrypt-on-all-keys", r) := aws_iam_policy_no_kms_decrypt_on_all_keys(r)
