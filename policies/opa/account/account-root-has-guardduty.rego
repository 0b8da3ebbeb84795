package phiguard

import rego.v1

# METADATA
# title: account-root-has-guardduty
# description: An account-root stack enables Amazon GuardDuty in every region it covers, with S3 protection, EKS audit log and runtime monitoring, RDS login activity monitoring and malware protection, so threats to PHI systems are detected and reported.
stack_deny_account_root_has_guardduty contains msg if some msg in analyzer_stack_messages("account-root-has-guardduty")

_acct_guardduty_protections := [
	{"label": "S3 protection (S3_DATA_EVENTS)", "features": ["S3_DATA_EVENTS"]},
	{"label": "EKS audit log monitoring (EKS_AUDIT_LOGS)", "features": ["EKS_AUDIT_LOGS"]},
	{"label": "EKS runtime monitoring (RUNTIME_MONITORING or EKS_RUNTIME_MONITORING)", "features": ["RUNTIME_MONITORING", "EKS_RUNTIME_MONITORING"]},
	{"label": "RDS login activity monitoring (RDS_LOGIN_EVENTS)", "features": ["RDS_LOGIN_EVENTS"]},
	{"label": "malware protection for EC2 (EBS_MALWARE_PROTECTION)", "features": ["EBS_MALWARE_PROTECTION"]},
]

# The legacy `datasources` settings: [read path, the feature it enables].
_acct_guardduty_legacy := [
	[["datasources", "s3Logs", "enable"], "S3_DATA_EVENTS"],
	[["datasources", "kubernetes", "auditLogs", "enable"], "EKS_AUDIT_LOGS"],
	[["datasources", "malwareProtection", "scanEc2InstanceWithFindings", "ebsVolumes", "enable"], "EBS_MALWARE_PROTECTION"],
]

account_root_has_guardduty := units_outcome([_acct_guardduty_region(region) | some region in acct_regions("account-root-has-guardduty")]) if {
	acct_account_root
} else := []

_acct_guardduty_region(region) := [acct_stack_violation(concat("", ["no GuardDuty detector (aws.guardduty.Detector) in ", acct_describe_region(region), "."]))] if {
	count(acct_in_region("aws:guardduty/detector:Detector", region)) == 0
} else := units_outcome([_acct_guardduty_detector(detector, region) | some detector in acct_in_region("aws:guardduty/detector:Detector", region)])

_acct_guardduty_detector(detector, region) := unk(enable) if {
	enable := acct_prop(detector, ["enable"])
	enable.k == "unk"
} else := [{"m": concat("", ["the GuardDuty detector in ", acct_describe_region(region), " has enable: false."]), "urn": detector.urn}] if {
	is_val(acct_prop(detector, ["enable"]), false)
} else := array.concat(evs, [{"m": concat("", ["the GuardDuty detector in ", acct_describe_region(region), " does not enable ", acct_listing(missing), " (aws.guardduty.DetectorFeature with status ENABLED)."]), "urn": detector.urn} | count(missing) > 0]) if {
	legacy := [acct_prop(detector, setting[0]) | some setting in _acct_guardduty_legacy]
	features := [_acct_guardduty_feature(f) |
		some f in children_of(detector, "aws:guardduty/detectorFeature:DetectorFeature", "detectorId", ["id"])
	]
	evs := array.concat([e | some s in legacy; some e in unk(s)], [e | some f in features; some e in f.evs])
	enabled := {_acct_guardduty_legacy[i][1] | some i, s in legacy; is_val(s, true)} | {f.name | some f in features; f.on}
	missing := [p.label | some p in _acct_guardduty_protections; not _acct_guardduty_any_enabled(p.features, enabled)]
}

_acct_guardduty_any_enabled(features, enabled) if {
	some f in features
	f in enabled
}

# One joined feature: reads status, then (when ENABLED) name. {"evs", "on", "name"}.
_acct_guardduty_feature(f) := {"evs": unk(status), "on": false, "name": ""} if {
	status := acct_prop(f, ["status"])
	status.k == "unk"
} else := {"evs": unk(name), "on": name.k != "unk", "name": _acct_guardduty_name(name)} if {
	is_val(acct_prop(f, ["status"]), "ENABLED")
	name := acct_prop(f, ["name"])
} else := {"evs": [], "on": false, "name": ""}

_acct_guardduty_name(name) := js_string_read(name) if {
	name.k != "unk"
} else := ""

catalog["account-root-has-guardduty"] := _rule("stack_deny_account_root_has_guardduty", {"aws:guardduty/detector:Detector", "aws:guardduty/detectorFeature:DetectorFeature"})

stack_rule_events("account-root-has-guardduty") := account_root_has_guardduty
