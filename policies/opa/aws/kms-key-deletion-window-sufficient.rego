package phiguard

import rego.v1

# METADATA
# title: kms-key-deletion-window-sufficient
# description: "KMS keys keep a deletion waiting period long enough to notice and cancel a scheduled deletion: 30 days (the maximum) for keys tagged data-classification: phi, at least 7 days otherwise."
deny_kms_key_deletion_window_sufficient contains msg if some msg in analyzer_messages("kms-key-deletion-window-sufficient")

aws_kms_key_deletion_window_sufficient(r) := unk(days) if {
	days := aws_prop(r, ["deletionWindowInDays"])
	days.k == "unk"
} else := array.concat(array.concat(phi.evs, pd_text_evs(aws_prop(r, ["deletionWindowInDays"]))), [{"m": concat("", ["deletionWindowInDays is ", js_string(value), "; expected at least ", format_int(minimum, 10), _kms_deletion_phi_suffix(minimum), "."])} |
	js_number(value) < minimum
]) if {
	value := _kms_deletion_days(aws_prop(r, ["deletionWindowInDays"]))
	phi := pd_is_phi(r)
	minimum := _kms_deletion_minimum(phi.v)
}

# `props.deletionWindowInDays ?? 30`.
_kms_deletion_days(s) := s.v if {
	s.k == "val"
	s.v != null
} else := 30

_kms_deletion_minimum(true) := 30

_kms_deletion_minimum(false) := 7

_kms_deletion_phi_suffix(30) := " for a key that protects PHI"

_kms_deletion_phi_suffix(7) := ""

catalog["kms-key-deletion-window-sufficient"] := _rule("deny_kms_key_deletion_window_sufficient", {"aws:kms/key:Key", "aws:kms/replicaKey:ReplicaKey"})

resource_rule_events("kms-key-deletion-window-sufficient", r) := aws_kms_key_deletion_window_sufficient(r)
