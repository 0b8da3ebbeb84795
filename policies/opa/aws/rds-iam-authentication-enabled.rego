package phiguard

import rego.v1

# METADATA
# title: rds-iam-authentication-enabled
# description: "MySQL, MariaDB and PostgreSQL DB instances and clusters accept IAM database authentication, so people and services sign in with their own short-lived IAM identity instead of a shared password."
warn_rds_iam_authentication_enabled contains msg if some msg in analyzer_messages("rds-iam-authentication-enabled")

# Only MySQL, MariaDB and PostgreSQL engines (args.notApplicable for the others).
aws_rds_iam_authentication_enabled(r) := unk(engine) if {
	engine := aws_prop(r, ["engine"])
	engine.k == "unk"
} else := aws_unless_true(r, ["iamDatabaseAuthenticationEnabled"], concat("", ["the ", aws_db_kind(r.type), " does not set iamDatabaseAuthenticationEnabled: true."])) if {
	ds_engine_family(aws_prop(r, ["engine"])) in {"mysql", "postgres"}
} else := []

catalog["rds-iam-authentication-enabled"] := _rule("warn_rds_iam_authentication_enabled", {aws_db_instance, aws_db_cluster})

resource_rule_events("rds-iam-authentication-enabled", r) := aws_rds_iam_authentication_enabled(r)
