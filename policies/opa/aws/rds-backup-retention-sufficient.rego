package phiguard

import rego.v1

# METADATA
# title: rds-backup-retention-sufficient
# description: "RDS DB instances and clusters keep automated backups for at least 7 days, and 35 days (the RDS maximum) when tagged data-classification: phi."
deny_rds_backup_retention_sufficient contains msg if some msg in analyzer_messages("rds-backup-retention-sufficient")

# A read replica is not checked (args.notApplicable); then `isPhi(props)`, then the retention.
aws_rds_backup_retention_sufficient(r) := [] if {
	r.type == aws_db_instance
	aws_has_value(r.props, "replicateSourceDb")
} else := phi.evs if {
	phi := ds_is_phi(r)
	count(phi.evs) > 0
} else := _rds_backup_retention_sufficient_days(r, aws_prop(r, ["backupRetentionPeriod"]), ds_is_phi(r).v)

_rds_backup_retention_sufficient_days(r, days, phi) := unk(days) if {
	days.k == "unk"
} else := ds_string(days).evs if {
	count(ds_string(days).evs) > 0
} else := [{"m": concat("", ["the ", aws_db_kind(r.type), " does not set backupRetentionPeriod (AWS defaults to 1 day); expected at least ", format_int(minimum, 10), "."])}] if {
	days.k == "none"
	minimum := _rds_backup_retention_sufficient_minimum(phi)
} else := [{"m": concat("", ["backupRetentionPeriod is ", js_string(days.v), "; expected at least ", format_int(minimum, 10), _rds_backup_retention_sufficient_suffix(phi), "."])}] if {
	minimum := _rds_backup_retention_sufficient_minimum(phi)
	js_less(days, minimum)
} else := []

_rds_backup_retention_sufficient_minimum(phi) := 35 if {
	phi
} else := 7

_rds_backup_retention_sufficient_suffix(phi) := " for a PHI database" if {
	phi
} else := ""

catalog["rds-backup-retention-sufficient"] := _rule("deny_rds_backup_retention_sufficient", {aws_db_instance, aws_db_cluster})

resource_rule_events("rds-backup-retention-sufficient", r) := aws_rds_backup_retention_sufficient(r)
