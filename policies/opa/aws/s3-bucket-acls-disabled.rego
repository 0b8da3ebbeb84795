package phiguard

import rego.v1

# METADATA
# title: s3-bucket-acls-disabled
# description: "S3 buckets disable ACLs explicitly (aws.s3.BucketOwnershipControls with objectOwnership BucketOwnerEnforced) and grant nothing through ACLs, so access is governed by policies alone."
stack_warn_s3_bucket_acls_disabled contains msg if some msg in analyzer_stack_messages("s3-bucket-acls-disabled")

aws_s3_bucket_acls_disabled := pd_stack([_s3_acls_unit(bucket) | some bucket in resources_of_type(pd_bucket)])

_s3_acls_unit(bucket) := array.concat(
	array.concat(enforced.evs, [{"m": "no aws.s3.BucketOwnershipControls with objectOwnership 'BucketOwnerEnforced' belongs to this bucket.", "urn": bucket.urn} | not enforced.v]),
	[{"m": "the bucket sets an ACL; ACLs should be disabled.", "urn": bucket.urn} | _s3_acls_set(bucket)],
) if {
	enforced := first_hit([_s3_acls_enforced(c) | some c in pd_bucket_children(bucket, pd_s3_ownership_controls)])
}

_s3_acls_enforced(c) := {"evs": unk(s), "v": pd_is(s, "BucketOwnerEnforced")} if {
	s := pd_prop(c, ["rule", "objectOwnership"])
}

_s3_acls_set(bucket) if count(pd_bucket_children(bucket, pd_s3_bucket_acl)) > 0

_s3_acls_set(bucket) if aws_has_value(bucket.props, "acl")

_s3_acls_set(bucket) if aws_has_value(bucket.props, "grants")

catalog["s3-bucket-acls-disabled"] := _rule("stack_warn_s3_bucket_acls_disabled", {"aws:s3/bucket:Bucket"})

stack_rule_events("s3-bucket-acls-disabled") := aws_s3_bucket_acls_disabled
