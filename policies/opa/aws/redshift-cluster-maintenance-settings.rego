package phiguard

import rego.v1

# METADATA
# title: redshift-cluster-maintenance-settings
# description: "Redshift clusters take engine version upgrades (allowVersionUpgrade is not false) in a maintenance window the team chose (preferredMaintenanceWindow)."
warn_redshift_cluster_maintenance_settings contains msg if some msg in analyzer_messages("redshift-cluster-maintenance-settings")

aws_redshift_cluster_maintenance_settings(r) := array.concat(aws_when_equal(r, ["allowVersionUpgrade"], false, "allowVersionUpgrade is false, so engine security fixes are not applied."), aws_unless_has_value(r, [], "preferredMaintenanceWindow", "no preferredMaintenanceWindow is set."))

catalog["redshift-cluster-maintenance-settings"] := _rule("warn_redshift_cluster_maintenance_settings", {aws_redshift_cluster})

resource_rule_events("redshift-cluster-maintenance-settings", r) := aws_redshift_cluster_maintenance_settings(r)
