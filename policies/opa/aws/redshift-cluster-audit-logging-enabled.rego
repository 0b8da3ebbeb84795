package phiguard

import rego.v1

# METADATA
# title: redshift-cluster-audit-logging-enabled
# description: "Redshift clusters write audit logs (connection, user and user-activity logs): an aws.redshift.Logging whose clusterIdentifier names the cluster, delivering to CloudWatch Logs or to an S3 bucket."
stack_deny_redshift_cluster_audit_logging_enabled contains msg if some msg in analyzer_stack_messages("redshift-cluster-audit-logging-enabled")

# One attempt per cluster: its aws.redshift.Logging resources, then whether one of them delivers.
aws_redshift_cluster_audit_logging_enabled := units_outcome([_redshift_cluster_audit_logging_enabled_unit(cluster) | some cluster in resources_of_type(aws_redshift_cluster)])

_redshift_cluster_audit_logging_enabled_unit(cluster) := _redshift_cluster_audit_logging_enabled_delivers(cluster, children_of(cluster, ds_redshift_logging, "clusterIdentifier", ["clusterIdentifier"]))

_redshift_cluster_audit_logging_enabled_delivers(cluster, logging) := [{"m": "no aws.redshift.Logging names this cluster, so audit logging is off.", "urn": cluster.urn}] if {
	count(logging) == 0
} else := array.concat(hit.evs, [{"m": "the cluster's aws.redshift.Logging delivers to S3 but names no bucketName.", "urn": cluster.urn} | count(hit.evs) == 0; not hit.v]) if {
	hit := first_hit([_redshift_cluster_audit_logging_enabled_logging(l) | some l in logging])
}

_redshift_cluster_audit_logging_enabled_logging(l) := {"evs": unk(destination), "v": false} if {
	destination := rd(l.props, props_at(l), ["logDestinationType"])
	destination.k == "unk"
} else := {"evs": text.evs, "v": false} if {
	text := ds_string_or(rd(l.props, props_at(l), ["logDestinationType"]), "s3")
	count(text.evs) > 0
} else := {"evs": [], "v": true} if {
	js_string_or(rd(l.props, props_at(l), ["logDestinationType"]), "s3") == "cloudwatch"
} else := {"evs": [], "v": _redshift_cluster_audit_logging_enabled_bucket(l)}

_redshift_cluster_audit_logging_enabled_bucket(l) if {
	aws_has_value(l.props, "bucketName")
} else := false

catalog["redshift-cluster-audit-logging-enabled"] := _rule("stack_deny_redshift_cluster_audit_logging_enabled", {aws_redshift_cluster})

stack_rule_events("redshift-cluster-audit-logging-enabled") := aws_redshift_cluster_audit_logging_enabled
