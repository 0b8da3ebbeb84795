package phiguard

import rego.v1

# METADATA
# title: rds-deletion-protection-enabled
# description: "RDS DB instances and clusters have deletion protection enabled."
deny_rds_deletion_protection_enabled contains msg if some msg in analyzer_messages("rds-deletion-protection-enabled")

aws_rds_deletion_protection_enabled(r) := aws_unless_true(r, ["deletionProtection"], concat("", ["the ", aws_db_kind(r.type), " does not set deletionProtection: true."]))

catalog["rds-deletion-protection-enabled"] := _rule("deny_rds_deletion_protection_enabled", {aws_db_instance, aws_db_cluster})

resource_rule_events("rds-deletion-protection-enabled", r) := aws_rds_deletion_protection_enabled(r)
