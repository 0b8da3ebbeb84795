package phiguard

import rego.v1

# METADATA
# title: rds-multi-az-enabled
# description: "RDS databases survive the loss of an Availability Zone: DB instances set multiAz, Aurora clusters have at least two cluster instances (a writer and a reader in another AZ), Multi-AZ DB clusters qualify as they are."
stack_warn_rds_multi_az_enabled contains msg if some msg in analyzer_stack_messages("rds-multi-az-enabled")

# One attempt per DB instance and DB cluster, in the stack's order.
aws_rds_multi_az_enabled := units_outcome([_rds_multi_az_enabled_unit(db) | some db in resources_of_types({aws_db_instance, aws_db_cluster})])

_rds_multi_az_enabled_unit(db) := [] if {
	db.type == aws_db_instance
	aws_has_value(db.props, "replicateSourceDb")
} else := array.concat(unk(s), [{"m": "the DB instance does not set multiAz: true.", "urn": db.urn} | s.k != "unk"; not is_val(s, true)]) if {
	db.type == aws_db_instance
	s := rd(db.props, props_at(db), ["multiAz"])
} else := [] if {
	aws_has_value(db.props, "dbClusterInstanceClass")
} else := _rds_multi_az_enabled_members(db, count(children_of(db, aws_cluster_instance, "clusterIdentifier", ["clusterIdentifier"])))

_rds_multi_az_enabled_members(db, n) := [] if {
	n >= 2
} else := [{"m": concat("", ["the cluster has ", format_int(n, 10), " cluster instance", _rds_multi_az_enabled_plural(n), "; expected at least 2 so a reader in another AZ can take over."]), "urn": db.urn}]

_rds_multi_az_enabled_plural(n) := "" if {
	n == 1
} else := "s"

catalog["rds-multi-az-enabled"] := _rule("stack_warn_rds_multi_az_enabled", {aws_db_instance, aws_db_cluster})

stack_rule_events("rds-multi-az-enabled") := aws_rds_multi_az_enabled
