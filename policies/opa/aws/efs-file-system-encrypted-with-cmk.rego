package phiguard

import rego.v1

# METADATA
# title: efs-file-system-encrypted-with-cmk
# description: "EFS file systems are encrypted at rest with a customer managed KMS key."
deny_efs_file_system_encrypted_with_cmk contains msg if some msg in analyzer_messages("efs-file-system-encrypted-with-cmk")

aws_efs_file_system_encrypted_with_cmk(r) := unk(s) if {
	s := aws_prop(r, ["encrypted"])
	s.k == "unk"
} else := [{"m": "the file system is not encrypted (encrypted is not true)."}] if {
	not is_val(aws_prop(r, ["encrypted"]), true)
} else := aws_customer_key(r, "kmsKeyId", ".")

catalog["efs-file-system-encrypted-with-cmk"] := _rule("deny_efs_file_system_encrypted_with_cmk", {"aws:efs/fileSystem:FileSystem"})

resource_rule_events("efs-file-system-encrypted-with-cmk", r) := aws_efs_file_system_encrypted_with_cmk(r)
