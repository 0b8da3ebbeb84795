package phiguard

import rego.v1

# METADATA
# title: s3-bucket-object-lock-enabled-for-phi
# description: "S3 buckets tagged data-classification: phi are created with Object Lock and have a default retention (an aws.s3.BucketObjectLockConfiguration), so objects cannot be destroyed or altered before their retention ends."
stack_deny_s3_bucket_object_lock_enabled_for_phi contains msg if some msg in analyzer_stack_messages("s3-bucket-object-lock-enabled-for-phi")

aws_s3_bucket_object_lock_enabled_for_phi := pd_stack([_s3_lock_unit(bucket) | some bucket in resources_of_type(pd_bucket)])

_s3_lock_unit(bucket) := phi.evs if {
	phi := pd_is_phi(bucket)
	count(phi.evs) > 0
} else := [] if {
	not pd_is_phi(bucket).v
} else := unk(lock) if {
	lock := pd_prop(bucket, ["objectLockEnabled"])
	lock.k == "unk"
} else := [{"m": "the PHI bucket is not created with objectLockEnabled: true.", "urn": bucket.urn}] if {
	not is_val(pd_prop(bucket, ["objectLockEnabled"]), true)
} else := array.concat(retention.evs, [{"m": "the PHI bucket has no aws.s3.BucketObjectLockConfiguration with a default retention.", "urn": bucket.urn} | not retention.v]) if {
	retention := _s3_lock_retention(bucket)
}

# `configs.map((c) => c.props.rule?.defaultRetention).find((r) => r && (r.days || r.years))`.
_s3_lock_retention(bucket) := {"evs": array.slice(evs, 0, 1), "v": false} if {
	retentions := [pd_prop(c, ["rule", "defaultRetention"]) | some c in pd_bucket_children(bucket, pd_s3_object_lock)]
	evs := [e | some x in retentions; some e in unk(x)]
	count(evs) > 0
} else := first_hit([_s3_lock_has_period(x) | some x in retentions]) if {
	retentions := [pd_prop(c, ["rule", "defaultRetention"]) | some c in pd_bucket_children(bucket, pd_s3_object_lock)]
}

_s3_lock_has_period(x) := {"evs": [], "v": false} if {
	not pd_truthy_read(x)
} else := {"evs": unk(days), "v": false} if {
	days := rd_key(x, "days")
	days.k == "unk"
} else := {"evs": [], "v": true} if {
	pd_truthy_read(rd_key(x, "days"))
} else := {"evs": unk(years), "v": _s3_lock_truthy(years)} if {
	years := rd_key(x, "years")
}

_s3_lock_truthy(s) if {
	pd_truthy_read(s)
} else := false

catalog["s3-bucket-object-lock-enabled-for-phi"] := _rule("stack_deny_s3_bucket_object_lock_enabled_for_phi", {"aws:s3/bucket:Bucket"})

stack_rule_events("s3-bucket-object-lock-enabled-for-phi") := aws_s3_bucket_object_lock_enabled_for_phi
