package phiguard

import rego.v1

# METADATA
# title: account-root-has-config-recorder
# description: An account-root stack runs an AWS Config recorder in every region it covers, recording all supported resource types (global ones, such as IAM, in one region), with a delivery channel and the recorder turned on, so every configuration change to PHI systems is recorded for review.
stack_deny_account_root_has_config_recorder contains msg if some msg in analyzer_stack_messages("account-root-has-config-recorder")

_acct_recorder_type := "aws:cfg/recorder:Recorder"

# One unit per region; the check for global resource types runs only when every region was read.
account_root_has_config_recorder := array.concat(evs, _acct_recorder_global(evs)) if {
	acct_account_root
	evs := units_outcome([_acct_recorder_region(region) | some region in _acct_recorder_regions])
} else := []

_acct_recorder_regions := acct_regions("account-root-has-config-recorder")

_acct_recorder_region(region) := [acct_stack_violation(concat("", ["no AWS Config recorder (aws.cfg.Recorder) in ", acct_describe_region(region), "."]))] if {
	count(acct_in_region(_acct_recorder_type, region)) == 0
} else := array.concat(
	units_outcome([_acct_recorder_checks(recorder, region) | some recorder in acct_in_region(_acct_recorder_type, region)]),
	[acct_stack_violation(concat("", ["no AWS Config delivery channel (aws.cfg.DeliveryChannel) in ", acct_describe_region(region), ": the recorder cannot start without one."])) |
		count(acct_in_region("aws:cfg/deliveryChannel:DeliveryChannel", region)) == 0
	],
)

# One recorder: `recordsAll`, the global read, its RecorderStatus (events in TypeScript's order).
_acct_recorder_checks(recorder, region) := array.concat(
	array.concat(
		array.concat(unk(group), unk(all_supported)),
		[{"m": concat("", ["the AWS Config recorder in ", acct_describe_region(region), " does not record all supported resource types (recordingGroup.allSupported is false)."]), "urn": recorder.urn} |
			is_val(all_supported, false)
		],
	),
	array.concat(
		array.concat(unk(rd_key(group, "includeGlobalResourceTypes")), hit.evs),
		[{"m": concat("", ["the AWS Config recorder in ", acct_describe_region(region), " is not turned on (no aws.cfg.RecorderStatus with isEnabled: true for it)."]), "urn": recorder.urn} |
			not hit.v
		],
	),
) if {
	group := acct_prop(recorder, ["recordingGroup"])
	all_supported := rd_key(group, "allSupported")
	hit := first_hit([{"evs": unk(enabled), "v": acct_is(enabled, true)} |
		some s in acct_in_region("aws:cfg/recorderStatus:RecorderStatus", region)
		refers_to(s, "name", recorder, ["name"])
		enabled := acct_prop(s, ["isEnabled"])
	])
}

_acct_recorder_global(evs) := [] if {
	acct_has_unknown(evs)
} else := [] if {
	not _acct_recorder_any
} else := [] if {
	_acct_recorder_records_global
} else := [acct_stack_violation("no AWS Config recorder records global resource types (recordingGroup.includeGlobalResourceTypes: true in one region): IAM users, roles and policies are not recorded.")]

_acct_recorder_any if {
	some region in _acct_recorder_regions
	count(acct_in_region(_acct_recorder_type, region)) > 0
}

_acct_recorder_records_global if {
	some region in _acct_recorder_regions
	some recorder in acct_in_region(_acct_recorder_type, region)
	is_val(acct_prop(recorder, ["recordingGroup", "includeGlobalResourceTypes"]), true)
}

catalog["account-root-has-config-recorder"] := _rule("stack_deny_account_root_has_config_recorder", {_acct_recorder_type, "aws:cfg/deliveryChannel:DeliveryChannel", "aws:cfg/recorderStatus:RecorderStatus"})

stack_rule_events("account-root-has-config-recorder") := account_root_has_config_recorder
