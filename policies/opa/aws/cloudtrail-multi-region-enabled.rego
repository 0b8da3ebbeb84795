package phiguard

import rego.v1

# METADATA
# title: cloudtrail-multi-region-enabled
# description: "CloudTrail trails record API activity in every Region, including global services."
deny_cloudtrail_multi_region_enabled contains msg if some msg in analyzer_messages("cloudtrail-multi-region-enabled")

aws_cloudtrail_multi_region_enabled(r) := unk(multi) if {
	multi := aws_prop(r, ["isMultiRegionTrail"])
	multi.k == "unk"
} else := [{"m": "isMultiRegionTrail is not true: activity in other Regions is not recorded."}] if {
	not is_val(aws_prop(r, ["isMultiRegionTrail"]), true)
} else := aws_when_equal(r, ["includeGlobalServiceEvents"], false, "includeGlobalServiceEvents is false: IAM and other global service activity is not recorded.")

catalog["cloudtrail-multi-region-enabled"] := _rule("deny_cloudtrail_multi_region_enabled", {"aws:cloudtrail/trail:Trail"})

resource_rule_events("cloudtrail-multi-region-enabled", r) := aws_cloudtrail_multi_region_enabled(r)
