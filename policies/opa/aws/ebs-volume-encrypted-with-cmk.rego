package phiguard

import rego.v1

# METADATA
# title: ebs-volume-encrypted-with-cmk
# description: "EBS volumes are encrypted with a customer managed KMS key."
deny_ebs_volume_encrypted_with_cmk contains msg if some msg in analyzer_messages("ebs-volume-encrypted-with-cmk")

aws_ebs_volume_encrypted_with_cmk(r) := unk(s) if {
	s := aws_prop(r, ["encrypted"])
	s.k == "unk"
} else := [{"m": "the volume is not encrypted (encrypted is not true)."}] if {
	not is_val(aws_prop(r, ["encrypted"]), true)
} else := aws_customer_key(r, "kmsKeyId", ".")

catalog["ebs-volume-encrypted-with-cmk"] := _rule("deny_ebs_volume_encrypted_with_cmk", {"aws:ebs/volume:Volume"})

resource_rule_events("ebs-volume-encrypted-with-cmk", r) := aws_ebs_volume_encrypted_with_cmk(r)
