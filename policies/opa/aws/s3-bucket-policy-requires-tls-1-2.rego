package phiguard

import rego.v1

# METADATA
# title: s3-bucket-policy-requires-tls-1-2
# description: "S3 bucket policies deny requests made with TLS older than 1.2 (NumericLessThan s3:TlsVersion 1.2)."
stack_warn_s3_bucket_policy_requires_tls_1_2 contains msg if some msg in analyzer_stack_messages("s3-bucket-policy-requires-tls-1-2")

aws_s3_bucket_policy_requires_tls_1_2 := pd_stack([_s3_tls12_unit(bucket) | some bucket in resources_of_type(pd_bucket)])

_s3_tls12_unit(bucket) := docs.evs if {
	docs := pd_policy_documents(pd_bucket_children(bucket, pd_s3_bucket_policy), bucket)
	count(docs.evs) > 0
} else := array.concat(parsed.evs, [{"m": _s3_tls12_message(docs.docs), "urn": bucket.urn} | not _s3_tls12_denied(parsed.st)]) if {
	docs := pd_policy_documents(pd_bucket_children(bucket, pd_s3_bucket_policy), bucket)
	parsed := pd_documents_statements(docs.docs, bucket.urn)
}

_s3_tls12_message(docs) := "no bucket policy belongs to this bucket, so TLS versions older than 1.2 are not denied." if {
	count(docs) == 0
} else := "the bucket policy does not deny s3:* when s3:TlsVersion is less than 1.2."

_s3_tls12_denied(statements) if {
	some st in statements
	st.effect == "Deny"
	pd_wildcard_principal(st)
	pd_covers_actions(st, ["s3:*"])
	some v in pd_condition_values(st, ["NumericLessThan"], "s3:TlsVersion")
	pd_number_at_least(v, 1.2)
}

catalog["s3-bucket-policy-requires-tls-1-2"] := _rule("stack_warn_s3_bucket_policy_requires_tls_1_2", {"aws:s3/bucket:Bucket"})

stack_rule_events("s3-bucket-policy-requires-tls-1-2") := aws_s3_bucket_policy_requires_tls_1_2
