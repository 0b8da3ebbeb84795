package phiguard

import rego.v1

# METADATA
# title: s3-bucket-versioned-has-lifecycle
# description: "Versioned S3 buckets have a lifecycle configuration, so noncurrent versions are moved and expired according to the retention schedule instead of piling up unmanaged."
stack_warn_s3_bucket_versioned_has_lifecycle contains msg if some msg in analyzer_stack_messages("s3-bucket-versioned-has-lifecycle")

aws_s3_bucket_versioned_has_lifecycle := pd_stack([_s3_lifecycle_unit(bucket) | some bucket in resources_of_type(pd_bucket)])

_s3_lifecycle_unit(bucket) := versioned.evs if {
	versioned := pd_s3_versioned(bucket)
	count(versioned.evs) > 0
} else := [] if {
	not pd_s3_versioned(bucket).v
} else := [{"m": "the bucket is versioned but has no lifecycle configuration.", "urn": bucket.urn} | count(pd_bucket_children(bucket, pd_s3_lifecycle)) == 0]

catalog["s3-bucket-versioned-has-lifecycle"] := _rule("stack_warn_s3_bucket_versioned_has_lifecycle", {"aws:s3/bucket:Bucket"})

stack_rule_events("s3-bucket-versioned-has-lifecycle") := aws_s3_bucket_versioned_has_lifecycle
