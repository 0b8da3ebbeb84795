package phiguard

import rego.v1

# METADATA
# title: rds-require-tls-connections
# description: "RDS databases refuse unencrypted connections: the (cluster) parameter group of every DB instance and DB cluster sets rds.force_ssl = 1 (PostgreSQL, SQL Server) or require_secure_transport = ON (MySQL, MariaDB)."
stack_deny_rds_require_tls_connections contains msg if some msg in analyzer_stack_messages("rds-require-tls-connections")

# One attempt per DB cluster and DB instance, in the stack's order.
aws_rds_require_tls_connections := units_outcome([_rds_require_tls_connections_unit(db) | some db in resources_of_types({aws_db_cluster, aws_db_instance})])

# `FORCE_TLS`: the parameter that forces TLS, and the values that turn it on, per engine family.
_rds_require_tls_connections_parameters := {
	"postgres": {"name": "rds.force_ssl", "values": ["1"]},
	"sqlserver": {"name": "rds.force_ssl", "values": ["1"]},
	"mysql": {"name": "require_secure_transport", "values": ["1", "on"]},
}

_rds_require_tls_connections_unit(db) := _rds_require_tls_connections_check(db, "dbClusterParameterGroupName", ds_cluster_parameter_group) if {
	db.type == aws_db_cluster
} else := _rds_require_tls_connections_check(db, "parameterGroupName", ds_parameter_group)

_rds_require_tls_connections_check(db, property, group_type) := unk(engine) if {
	engine := rd(db.props, props_at(db), ["engine"])
	engine.k == "unk"
} else := _rds_require_tls_connections_group(db, property, group_type, parameter) if {
	parameter := _rds_require_tls_connections_parameters[ds_engine_family(rd(db.props, props_at(db), ["engine"]))]
} else := []

_rds_require_tls_connections_group(db, property, group_type, parameter) := [{"m": concat("", ["no ", property, " is set, so the default parameter group applies and ", parameter.name, " is not enforced."]), "urn": db.urn}] if {
	not aws_has_value(db.props, property)
} else := _rds_require_tls_connections_groups(db, property, parameter, parents_of(db, property, group_type, ["name"]))

_rds_require_tls_connections_groups(db, property, parameter, groups) := [{"m": concat("", ["the parameter group in ", property, " is not defined in this stack, so ", parameter.name, " cannot be verified."]), "urn": db.urn}] if {
	count(groups) == 0
} else := array.concat(hit.evs, [{"m": concat("", ["parameter group '", groups[0].name, "' does not set ", parameter.name, " to ", concat(" / ", parameter.values), "."]), "urn": db.urn} | count(hit.evs) == 0; not hit.v]) if {
	hit := first_hit([ds_sets_parameter(g, parameter.name, parameter.values) | some g in groups])
}

catalog["rds-require-tls-connections"] := _rule("stack_deny_rds_require_tls_connections", {aws_db_instance, aws_db_cluster})

stack_rule_events("rds-require-tls-connections") := aws_rds_require_tls_connections
