package phiguard

import rego.v1

# METADATA
# title: s3-bucket-encrypted-with-kms
# description: "S3 buckets have a default encryption configuration (aws.s3.BucketServerSideEncryptionConfiguration). Buckets that may hold PHI (tagged data-classification: phi, or not classified) use SSE-KMS with a customer managed key; buckets classified otherwise (e.g. access-log buckets, which cannot use SSE-KMS) may use SSE-S3."
stack_deny_s3_bucket_encrypted_with_kms contains msg if some msg in analyzer_stack_messages("s3-bucket-encrypted-with-kms")

_s3_kms_algorithms := {"aws:kms", "aws:kms:dsse"}

aws_s3_bucket_encrypted_with_kms := pd_stack([_s3_kms_unit(bucket) | some bucket in resources_of_type(pd_bucket)])

_s3_kms_unit(bucket) := [{"m": "no aws.s3.BucketServerSideEncryptionConfiguration belongs to this bucket.", "urn": bucket.urn}] if {
	count(pd_bucket_children(bucket, pd_s3_sse)) == 0
} else := defaults.evs if {
	defaults := _s3_kms_defaults(bucket)
	count(defaults.evs) > 0
} else := phi.evs if {
	phi := pd_may_hold_phi(bucket)
	count(phi.evs) > 0
} else := _s3_kms_not_phi(bucket, _s3_kms_defaults(bucket).v) if {
	not pd_may_hold_phi(bucket).v
} else := _s3_kms_phi(bucket, _s3_kms_defaults(bucket).v)

# `configs.flatMap((c) => arrayOf(c.props.rules).map((r) => r.applyServerSideEncryptionByDefault))`.
_s3_kms_defaults(bucket) := {"evs": array.slice([e | some x in per_config; some e in x.evs], 0, 1), "v": [d | some x in per_config; some d in x.v]} if {
	per_config := [_s3_kms_config_defaults(c) | some c in pd_bucket_children(bucket, pd_s3_sse)]
}

_s3_kms_config_defaults(c) := {"evs": array.concat([e | some d in defaults; some e in _s3_kms_default_evs(d)], rules.evs), "v": defaults} if {
	rules := pd_array_of(pd_prop(c, ["rules"]))
	defaults := [_s3_kms_default(item) | some item in rules.items]
}

# `r.applyServerSideEncryptionByDefault` (a TypeError on a null rule).
_s3_kms_default(item) := {"k": "x"} if {
	item.v == null
} else := rd_key(item, "applyServerSideEncryptionByDefault")

_s3_kms_default_evs(d) := [{"x": true}] if {
	d.k == "x"
} else := unk(d)

_s3_kms_not_phi(bucket, defaults) := array.concat(hit.evs, [{"m": "the encryption configuration sets no default algorithm.", "urn": bucket.urn} | not hit.v]) if {
	hit := first_hit([_s3_kms_has_algorithm(d) | some d in defaults])
}

_s3_kms_has_algorithm(d) := {"evs": unk(a), "v": _s3_kms_is_string(a)} if {
	pd_truthy_read(d)
	a := rd_key(d, "sseAlgorithm")
} else := {"evs": [], "v": false}

_s3_kms_is_string(a) if {
	a.k == "val"
	is_string(a.v)
} else := false

_s3_kms_phi(bucket, defaults) := evs if {
	evs := first_evs([{"evs": unk(rd_key(d, "sseAlgorithm"))} | some d in defaults; pd_truthy_read(d)])
	count(evs) > 0
} else := [{"m": "the bucket may hold PHI but its default encryption is not SSE-KMS (sseAlgorithm 'aws:kms').", "urn": bucket.urn}] if {
	count(_s3_kms_keys(defaults)) == 0
} else := [{"m": concat("", ["the bucket may hold PHI but its SSE-KMS default uses no customer managed key: ", problems[0], "."]), "urn": bucket.urn} |
	problems := [p | some d in _s3_kms_keys(defaults); p := aws_customer_key_problem(d.v, "kmsMasterKeyId")]
	count(problems) == count(_s3_kms_keys(defaults))
]

_s3_kms_keys(defaults) := [d |
	some d in defaults
	pd_truthy_read(d)
	a := rd_key(d, "sseAlgorithm")
	a.k == "val"
	a.v in _s3_kms_algorithms
]

catalog["s3-bucket-encrypted-with-kms"] := _rule("stack_deny_s3_bucket_encrypted_with_kms", {"aws:s3/bucket:Bucket"})

stack_rule_events("s3-bucket-encrypted-with-kms") := aws_s3_bucket_encrypted_with_kms
