package phiguard

import rego.v1

# METADATA
# title: kms-key-rotation-enabled
# description: "Symmetric customer managed KMS keys rotate their key material automatically, at least once a year."
deny_kms_key_rotation_enabled contains msg if some msg in analyzer_messages("kms-key-rotation-enabled")

aws_kms_key_rotation_enabled(r) := unk(spec) if {
	spec := aws_prop(r, ["customerMasterKeySpec"])
	spec.k == "unk"
} else := unk(usage) if {
	usage := aws_prop(r, ["keyUsage"])
	usage.k == "unk"
} else := array.slice(array.concat(pd_text_evs(aws_prop(r, ["customerMasterKeySpec"])), pd_text_evs(aws_prop(r, ["keyUsage"]))), 0, 1) if {
	# Not a symmetric encryption key: the rule does not apply (args.notApplicable, whose reason
	# stringifies both values).
	not _kms_rotation_symmetric(aws_prop(r, ["customerMasterKeySpec"]), aws_prop(r, ["keyUsage"]))
} else := unk(store) if {
	store := aws_prop(r, ["customKeyStoreId"])
	store.k == "unk"
} else := [] if {
	# A custom key store: the rule does not apply.
	pd_truthy_read(aws_prop(r, ["customKeyStoreId"]))
} else := _kms_rotation_checks(r)

_kms_rotation_symmetric(spec, usage) if {
	_kms_rotation_default(spec, "SYMMETRIC_DEFAULT") == "SYMMETRIC_DEFAULT"
	_kms_rotation_default(usage, "ENCRYPT_DECRYPT") == "ENCRYPT_DECRYPT"
}

# `value ?? dflt` of a read.
_kms_rotation_default(s, _) := s.v if {
	s.k == "val"
	s.v != null
}

_kms_rotation_default(s, dflt) := dflt if {
	not _kms_rotation_has(s)
}

_kms_rotation_has(s) if {
	s.k == "val"
	s.v != null
}

_kms_rotation_checks(r) := unk(enabled) if {
	enabled := aws_prop(r, ["enableKeyRotation"])
	enabled.k == "unk"
} else := [{"m": "enableKeyRotation is not true: the key material never rotates."}] if {
	not is_val(aws_prop(r, ["enableKeyRotation"]), true)
} else := array.concat(array.concat(unk(period), pd_text_evs(period)), [{"m": concat("", ["rotationPeriodInDays is ", js_string(period.v), "; expected at most 365."])} |
	period.k == "val"
	js_number(period.v) > 365
]) if {
	period := aws_prop(r, ["rotationPeriodInDays"])
}

catalog["kms-key-rotation-enabled"] := _rule("deny_kms_key_rotation_enabled", {"aws:kms/key:Key"})

resource_rule_events("kms-key-rotation-enabled", r) := aws_kms_key_rotation_enabled(r)
