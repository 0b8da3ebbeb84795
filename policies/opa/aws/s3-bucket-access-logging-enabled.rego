package phiguard

import rego.v1

# METADATA
# title: s3-bucket-access-logging-enabled
# description: "S3 buckets deliver server access logs (an aws.s3.BucketLogging). Buckets that receive access logs from another bucket of the stack are exempt (logging them into themselves would loop)."
stack_deny_s3_bucket_access_logging_enabled contains msg if some msg in analyzer_stack_messages("s3-bucket-access-logging-enabled")

aws_s3_bucket_access_logging_enabled := pd_stack([_s3_access_logging_unit(bucket) | some bucket in resources_of_type(pd_bucket)])

_s3_access_logging_unit(bucket) := [] if {
	count(pd_bucket_children(bucket, pd_s3_logging)) > 0
} else := [] if {
	count(children_of(bucket, pd_s3_logging, "targetBucket", ["bucket"])) > 0
} else := [{"m": "no aws.s3.BucketLogging belongs to this bucket.", "urn": bucket.urn}]

catalog["s3-bucket-access-logging-enabled"] := _rule("stack_deny_s3_bucket_access_logging_enabled", {"aws:s3/bucket:Bucket"})

stack_rule_events("s3-bucket-access-logging-enabled") := aws_s3_bucket_access_logging_enabled
