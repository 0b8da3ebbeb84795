package phiguard

import rego.v1

# METADATA
# title: elasticbeanstalk-managed-updates-enabled
# description: "Elastic Beanstalk environments (and configuration templates) apply managed platform updates: aws:elasticbeanstalk:managedactions ManagedActionsEnabled = true and aws:elasticbeanstalk:managedactions:platformupdate UpdateLevel = minor or patch."
warn_elasticbeanstalk_managed_updates_enabled contains msg if some msg in analyzer_messages("elasticbeanstalk-managed-updates-enabled")

elasticbeanstalk_managed_updates_enabled(r) := array.concat(settings.evs, array.concat(enabled.evs, level.evs)) if {
	settings := edge_array_of(edge_prop(r, ["settings"]))
	enabled := edge_eb_find(settings, "aws:elasticbeanstalk:managedactions", "ManagedActionsEnabled")
	level := edge_eb_find(settings, "aws:elasticbeanstalk:managedactions:platformupdate", "UpdateLevel")
	(count(settings.evs) + count(enabled.evs)) + count(level.evs) > 0
} else := [] if {
	settings := edge_array_of(edge_prop(r, ["settings"]))
	not edge_eb_find(settings, "aws:elasticbeanstalk:managedactions", "ManagedActionsEnabled").v
	not edge_eb_find(settings, "aws:elasticbeanstalk:managedactions:platformupdate", "UpdateLevel").v
	r.type == edge_eb_environment
	aws_has_value(r.props, "templateName")
} else := array.concat(
	array.concat(enabled.evs, [{"m": "ManagedActionsEnabled is not 'true'."} | count(enabled.evs) == 0; lower(enabled.t) != "true"]),
	array.concat(level.evs, [{"m": concat("", ["UpdateLevel is ", _elasticbeanstalk_managed_updates_enabled(settings, found), "; expected 'minor' or 'patch'."])} |
		count(level.evs) == 0
		not lower(level.t) in {"minor", "patch"}
	]),
) if {
	settings := edge_array_of(edge_prop(r, ["settings"]))
	enabled := edge_eb_value(settings, edge_eb_find(settings, "aws:elasticbeanstalk:managedactions", "ManagedActionsEnabled"), "false")
	found := edge_eb_find(settings, "aws:elasticbeanstalk:managedactions:platformupdate", "UpdateLevel")
	level := edge_eb_value(settings, found, "")
}

_elasticbeanstalk_managed_updates_enabled(settings, found) := "not set" if {
	not found.v
} else := concat("", ["'", text.t, "'"]) if {
	text := edge_eb_value_text(settings, found)
}

catalog["elasticbeanstalk-managed-updates-enabled"] := _rule("warn_elasticbeanstalk_managed_updates_enabled", {edge_eb_environment, edge_eb_template})

resource_rule_events("elasticbeanstalk-managed-updates-enabled", r) := elasticbeanstalk_managed_updates_enabled(r)
