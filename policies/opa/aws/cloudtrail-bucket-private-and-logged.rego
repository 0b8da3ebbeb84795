package phiguard

import rego.v1

# METADATA
# title: cloudtrail-bucket-private-and-logged
# description: "The S3 bucket each CloudTrail trail writes to is managed in the stack, blocks all public access and has server access logging, so the audit log itself is protected and its readers are recorded."
stack_warn_cloudtrail_bucket_private_and_logged contains msg if some msg in analyzer_stack_messages("cloudtrail-bucket-private-and-logged")

_cloudtrail_bucket_flags := ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"]

aws_cloudtrail_bucket_private_and_logged := pd_stack([_cloudtrail_bucket_unit(trail) | some trail in resources_of_type(pd_trail)])

_cloudtrail_bucket_unit(trail) := [{"m": concat("", ["the trail's bucket", _cloudtrail_bucket_name(trail), " is not managed in this stack, so its protection cannot be verified."]), "urn": trail.urn}] if {
	count(_cloudtrail_buckets(trail)) == 0
} else := array.concat(
	array.concat(full.evs, [{"m": concat("", ["trail bucket '", bucket.name, "' does not block all public access (", pd_listing(_cloudtrail_bucket_flags), " all true)."]), "urn": trail.urn} | not full.v]),
	[{"m": concat("", ["trail bucket '", bucket.name, "' has no server access logging."]), "urn": trail.urn} | count(pd_bucket_children(bucket, pd_s3_logging)) == 0],
) if {
	bucket := _cloudtrail_buckets(trail)[0]
	full := first_hit([_cloudtrail_full_block(b) | some b in pd_bucket_children(bucket, pd_s3_public_access_block)])
}

_cloudtrail_buckets(trail) := parents_of(trail, "s3BucketName", pd_bucket, ["bucket"])

_cloudtrail_bucket_name(trail) := concat("", [" '", name, "'"]) if {
	name := pd_peek_string(trail.props, "s3BucketName")
	name != ""
} else := ""

# `FLAGS.every((f) => b.props[f] === true)`: reads stop at the first flag that is not true.
_cloudtrail_full_block(b) := {"evs": unk(s), "v": false} if {
	i := min({j | some j, f in _cloudtrail_bucket_flags; not is_val(pd_prop(b, [f]), true)})
	s := pd_prop(b, [_cloudtrail_bucket_flags[i]])
} else := {"evs": [], "v": true}

catalog["cloudtrail-bucket-private-and-logged"] := _rule("stack_warn_cloudtrail_bucket_private_and_logged", {"aws:cloudtrail/trail:Trail"})

stack_rule_events("cloudtrail-bucket-private-and-logged") := aws_cloudtrail_bucket_private_and_logged
