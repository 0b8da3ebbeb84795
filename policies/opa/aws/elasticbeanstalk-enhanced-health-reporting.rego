package phiguard

import rego.v1

# METADATA
# title: elasticbeanstalk-enhanced-health-reporting
# description: "Elastic Beanstalk environments (and configuration templates) use enhanced health reporting (aws:elasticbeanstalk:healthreporting:system SystemType = enhanced)."
warn_elasticbeanstalk_enhanced_health_reporting contains msg if some msg in analyzer_messages("elasticbeanstalk-enhanced-health-reporting")

elasticbeanstalk_enhanced_health_reporting(r) := array.concat(settings.evs, system.evs) if {
	settings := edge_array_of(edge_prop(r, ["settings"]))
	system := edge_eb_find(settings, "aws:elasticbeanstalk:healthreporting:system", "SystemType")
	count(settings.evs) + count(system.evs) > 0
} else := [] if {
	system := edge_eb_find(edge_array_of(edge_prop(r, ["settings"])), "aws:elasticbeanstalk:healthreporting:system", "SystemType")
	not system.v
	r.type == edge_eb_environment
	aws_has_value(r.props, "templateName")
} else := array.concat(value.evs, [{"m": concat("", ["health reporting SystemType is '", value.t, "'; expected 'enhanced'."])} |
	count(value.evs) == 0
	lower(value.t) != "enhanced"
]) if {
	settings := edge_array_of(edge_prop(r, ["settings"]))
	value := edge_eb_value(settings, edge_eb_find(settings, "aws:elasticbeanstalk:healthreporting:system", "SystemType"), "basic")
}

catalog["elasticbeanstalk-enhanced-health-reporting"] := _rule("warn_elasticbeanstalk_enhanced_health_reporting", {edge_eb_environment, edge_eb_template})

resource_rule_events("elasticbeanstalk-enhanced-health-reporting", r) := elasticbeanstalk_enhanced_health_reporting(r)
