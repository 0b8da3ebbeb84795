package phiguard

import rego.v1

# METADATA
# title: s3-bucket-versioning-enabled
# description: "S3 buckets have versioning enabled (an aws.s3.BucketVersioning with status Enabled), so overwritten or deleted objects can be recovered."
stack_deny_s3_bucket_versioning_enabled contains msg if some msg in analyzer_stack_messages("s3-bucket-versioning-enabled")

aws_s3_bucket_versioning_enabled := pd_stack([_s3_versioning_unit(bucket) | some bucket in resources_of_type(pd_bucket)])

_s3_versioning_unit(bucket) := [{"m": "no aws.s3.BucketVersioning belongs to this bucket.", "urn": bucket.urn}] if {
	count(pd_bucket_children(bucket, pd_s3_versioning)) == 0
} else := array.concat(versioned.evs, [{"m": "the bucket's versioning status is not 'Enabled'.", "urn": bucket.urn} | not versioned.v]) if {
	versioned := pd_s3_versioned(bucket)
}

catalog["s3-bucket-versioning-enabled"] := _rule("stack_deny_s3_bucket_versioning_enabled", {"aws:s3/bucket:Bucket"})

stack_rule_events("s3-bucket-versioning-enabled") := aws_s3_bucket_versioning_enabled
