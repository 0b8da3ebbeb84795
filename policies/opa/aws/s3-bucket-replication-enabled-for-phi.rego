package phiguard

import rego.v1

# METADATA
# title: s3-bucket-replication-enabled-for-phi
# description: "S3 buckets tagged data-classification: phi replicate to another bucket (an aws.s3.BucketReplicationConfig with an enabled rule). Buckets that are themselves replication destinations in the stack are exempt."
stack_deny_s3_bucket_replication_enabled_for_phi contains msg if some msg in analyzer_stack_messages("s3-bucket-replication-enabled-for-phi")

aws_s3_bucket_replication_enabled_for_phi := pd_stack([_s3_replication_unit(bucket) | some bucket in resources_of_type(pd_bucket)])

_s3_replication_unit(bucket) := phi.evs if {
	phi := pd_is_phi(bucket)
	count(phi.evs) > 0
} else := [] if {
	not pd_is_phi(bucket).v
} else := enabled.evs if {
	enabled := first_hit([_s3_replication_enabled(c) | some c in pd_bucket_children(bucket, pd_s3_replication)])
	count(enabled.evs) > 0
} else := [] if {
	first_hit([_s3_replication_enabled(c) | some c in pd_bucket_children(bucket, pd_s3_replication)]).v
} else := [] if {
	_s3_replication_destination(bucket)
} else := [{"m": "the PHI bucket has no aws.s3.BucketReplicationConfig.", "urn": bucket.urn}] if {
	count(pd_bucket_children(bucket, pd_s3_replication)) == 0
} else := [{"m": "the PHI bucket's replication configuration has no rule with status 'Enabled'.", "urn": bucket.urn}]

# `arrayOf(c.props.rules).some((r) => r.status === "Enabled")`: {"evs", "v"}.
_s3_replication_enabled(c) := first_hit(pd_lazy([_s3_replication_rule(item) | some item in rules.items], rules)) if {
	rules := pd_array_of(pd_prop(c, ["rules"]))
}

# `r.status === "Enabled"` (a TypeError on a null rule).
_s3_replication_rule(item) := {"evs": [{"x": true}], "v": false} if {
	item.v == null
} else := {"evs": unk(status), "v": pd_is(status, "Enabled")} if {
	status := rd_key(item, "status")
}

# `isReplicationDestination(resources, bucket)`.
_s3_replication_destination(bucket) if count(children_of(bucket, pd_s3_replication, "rules", [])) > 0

_s3_replication_destination(bucket) if {
	name := pd_peek_string(bucket.props, "bucket")
	some cfg in resources_of_type(pd_s3_replication)
	some rule in _s3_replication_raw_rules(cfg)
	arn := pd_peek_string(rule.destination, "bucket")
	_s3_replication_names(arn, name)
}

_s3_replication_raw_rules(cfg) := cfg.props.rules if {
	is_array(cfg.props.rules)
} else := [] if {
	object.get(cfg.props, "rules", null) == null
} else := [cfg.props.rules]

_s3_replication_names(arn, name) if arn == name

_s3_replication_names(arn, name) if endswith(arn, concat("", [":::", name]))

catalog["s3-bucket-replication-enabled-for-phi"] := _rule("stack_deny_s3_bucket_replication_enabled_for_phi", {"aws:s3/bucket:Bucket"})

stack_rule_events("s3-bucket-replication-enabled-for-phi") := aws_s3_bucket_replication_enabled_for_phi
