package phiguard

import rego.v1

# METADATA
# title: rds-auto-minor-version-upgrade-enabled
# description: "RDS DB instances and cluster instances receive minor engine version upgrades (security patches) automatically."
warn_rds_auto_minor_version_upgrade_enabled contains msg if some msg in analyzer_messages("rds-auto-minor-version-upgrade-enabled")

aws_rds_auto_minor_version_upgrade_enabled(r) := aws_when_equal(r, ["autoMinorVersionUpgrade"], false, concat("", ["the ", aws_db_kind(r.type), " sets autoMinorVersionUpgrade: false."]))

catalog["rds-auto-minor-version-upgrade-enabled"] := _rule("warn_rds_auto_minor_version_upgrade_enabled", {aws_db_instance, aws_cluster_instance})

resource_rule_events("rds-auto-minor-version-upgrade-enabled", r) := aws_rds_auto_minor_version_upgrade_enabled(r)
