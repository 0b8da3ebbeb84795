package phiguard

import rego.v1

# METADATA
# title: redshift-automated-snapshot-retention
# description: "Redshift clusters keep automated snapshots for at least 7 days, and 35 days (the most Redshift allows) when tagged data-classification: phi (automatedSnapshotRetentionPeriod; the default is 1, and 0 turns snapshots off)."
deny_redshift_automated_snapshot_retention contains msg if some msg in analyzer_messages("redshift-automated-snapshot-retention")

# `isPhi(props)`, then the retention.
aws_redshift_automated_snapshot_retention(r) := phi.evs if {
	phi := ds_is_phi(r)
	count(phi.evs) > 0
} else := _redshift_automated_snapshot_retention_days(aws_prop(r, ["automatedSnapshotRetentionPeriod"]), ds_is_phi(r).v)

_redshift_automated_snapshot_retention_days(days, phi) := unk(days) if {
	days.k == "unk"
} else := ds_string(days).evs if {
	count(ds_string(days).evs) > 0
} else := [{"m": concat("", ["automatedSnapshotRetentionPeriod is not set (Redshift keeps 1 day); expected at least ", format_int(_redshift_automated_snapshot_retention_minimum(phi), 10), "."])}] if {
	days.k == "none"
} else := [{"m": concat("", ["automatedSnapshotRetentionPeriod is ", js_string(days.v), "; expected at least ", format_int(minimum, 10), _redshift_automated_snapshot_retention_suffix(phi), "."])}] if {
	minimum := _redshift_automated_snapshot_retention_minimum(phi)
	js_less(days, minimum)
} else := []

_redshift_automated_snapshot_retention_minimum(phi) := 35 if {
	phi
} else := 7

_redshift_automated_snapshot_retention_suffix(phi) := " for a PHI cluster" if {
	phi
} else := ""

catalog["redshift-automated-snapshot-retention"] := _rule("deny_redshift_automated_snapshot_retention", {aws_redshift_cluster})

resource_rule_events("redshift-automated-snapshot-retention", r) := aws_redshift_automated_snapshot_retention(r)
