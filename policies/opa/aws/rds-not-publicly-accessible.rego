package phiguard

import rego.v1

# METADATA
# title: rds-not-publicly-accessible
# description: "RDS DB instances and Aurora cluster instances are not publicly accessible."
deny_rds_not_publicly_accessible contains msg if some msg in analyzer_messages("rds-not-publicly-accessible")

aws_rds_not_publicly_accessible(r) := aws_when_equal(r, ["publiclyAccessible"], true, concat("", ["the ", aws_db_kind(r.type), " sets publiclyAccessible: true."]))

catalog["rds-not-publicly-accessible"] := _rule("deny_rds_not_publicly_accessible", {aws_db_instance, aws_cluster_instance})

resource_rule_events("rds-not-publicly-accessible", r) := aws_rds_not_publicly_accessible(r)
