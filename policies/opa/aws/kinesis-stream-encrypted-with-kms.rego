package phiguard

import rego.v1

# METADATA
# title: kinesis-stream-encrypted-with-kms
# description: "Kinesis data streams encrypt records at rest with a customer managed KMS key (encryptionType KMS, kmsKeyId not alias/aws/kinesis)."
deny_kinesis_stream_encrypted_with_kms contains msg if some msg in analyzer_messages("kinesis-stream-encrypted-with-kms")

aws_kinesis_stream_encrypted_with_kms(r) := unk(s) if {
	s := aws_prop(r, ["encryptionType"])
	s.k == "unk"
} else := ds_string_or(aws_prop(r, ["encryptionType"]), "NONE").evs if {
	count(ds_string_or(aws_prop(r, ["encryptionType"]), "NONE").evs) > 0
} else := [{"m": concat("", ["encryptionType is '", type, "', so records are stored unencrypted."])}] if {
	type := upper(js_string_or(aws_prop(r, ["encryptionType"]), "NONE"))
	type != "KMS"
} else := aws_customer_key(r, "kmsKeyId", ".")

catalog["kinesis-stream-encrypted-with-kms"] := _rule("deny_kinesis_stream_encrypted_with_kms", {"aws:kinesis/stream:Stream"})

resource_rule_events("kinesis-stream-encrypted-with-kms", r) := aws_kinesis_stream_encrypted_with_kms(r)
