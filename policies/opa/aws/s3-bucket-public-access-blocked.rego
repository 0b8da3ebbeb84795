package phiguard

import rego.v1

# METADATA
# title: s3-bucket-public-access-blocked
# description: "S3 buckets have an aws.s3.BucketPublicAccessBlock with all four settings true."
stack_deny_s3_bucket_public_access_blocked contains msg if some msg in analyzer_stack_messages("s3-bucket-public-access-blocked")

_s3_public_access_flags := ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"]

aws_s3_bucket_public_access_blocked := pd_stack([_s3_public_access_unit(bucket) | some bucket in resources_of_type(pd_bucket)])

_s3_public_access_unit(bucket) := [{"m": "no aws.s3.BucketPublicAccessBlock belongs to this bucket.", "urn": bucket.urn}] if {
	count(pd_bucket_children(bucket, pd_s3_public_access_block)) == 0
} else := [e |
	some block in pd_bucket_children(bucket, pd_s3_public_access_block)
	some e in _s3_public_access_block(bucket, block)
]

_s3_public_access_block(bucket, block) := array.concat(
	[e | some f in _s3_public_access_flags; some e in unk(pd_prop(block, [f]))],
	[{"m": concat("", ["public access block '", block.name, "' does not set ", pd_listing(off), " to true."]), "urn": bucket.urn} | count(off) > 0],
) if {
	off := [f | some f in _s3_public_access_flags; not is_val(pd_prop(block, [f]), true)]
}

catalog["s3-bucket-public-access-blocked"] := _rule("stack_deny_s3_bucket_public_access_blocked", {"aws:s3/bucket:Bucket"})

stack_rule_events("s3-bucket-public-access-blocked") := aws_s3_bucket_public_access_blocked
