package phiguard

import rego.v1

# METADATA
# title: s3-bucket-ssl-requests-only
# description: "S3 bucket policies deny every request not sent over TLS: a Deny of s3:* to all principals when aws:SecureTransport is false."
stack_deny_s3_bucket_ssl_requests_only contains msg if some msg in analyzer_stack_messages("s3-bucket-ssl-requests-only")

aws_s3_bucket_ssl_requests_only := pd_stack([_s3_ssl_unit(bucket) | some bucket in resources_of_type(pd_bucket)])

_s3_ssl_unit(bucket) := docs.evs if {
	docs := pd_policy_documents(pd_bucket_children(bucket, pd_s3_bucket_policy), bucket)
	count(docs.evs) > 0
} else := [{"m": "no bucket policy belongs to this bucket, so requests over plain HTTP are allowed.", "urn": bucket.urn}] if {
	count(pd_policy_documents(pd_bucket_children(bucket, pd_s3_bucket_policy), bucket).docs) == 0
} else := array.concat(parsed.evs, [{"m": "the bucket policy does not deny s3:* when aws:SecureTransport is false.", "urn": bucket.urn} | not _s3_ssl_denied(parsed.st)]) if {
	parsed := pd_documents_statements(pd_policy_documents(pd_bucket_children(bucket, pd_s3_bucket_policy), bucket).docs, bucket.urn)
}

_s3_ssl_denied(statements) if {
	some st in statements
	pd_denies_insecure_transport(st, ["s3:*"])
}

catalog["s3-bucket-ssl-requests-only"] := _rule("stack_deny_s3_bucket_ssl_requests_only", {"aws:s3/bucket:Bucket"})

stack_rule_events("s3-bucket-ssl-requests-only") := aws_s3_bucket_ssl_requests_only
