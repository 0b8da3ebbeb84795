package phiguard

import rego.v1

# METADATA
# title: rds-storage-encrypted-with-cmk
# description: "RDS DB instances and DB clusters encrypt their storage (and so their snapshots) with a customer managed KMS key."
deny_rds_storage_encrypted_with_cmk contains msg if some msg in analyzer_messages("rds-storage-encrypted-with-cmk")

aws_rds_storage_encrypted_with_cmk(r) := unk(s) if {
	s := aws_prop(r, ["storageEncrypted"])
	s.k == "unk"
} else := [{"m": concat("", ["the ", aws_db_kind(r.type), " does not set storageEncrypted: true."])}] if {
	not is_val(aws_prop(r, ["storageEncrypted"]), true)
} else := aws_customer_key(r, "kmsKeyId", ".")

catalog["rds-storage-encrypted-with-cmk"] := _rule("deny_rds_storage_encrypted_with_cmk", {aws_db_instance, aws_db_cluster})

resource_rule_events("rds-storage-encrypted-with-cmk", r) := aws_rds_storage_encrypted_with_cmk(r)
