package phiguard

import rego.v1

# METADATA
# title: dms-replication-instance-encrypted-with-cmk
# description: "DMS replication instances encrypt their storage (which holds the data in flight between the databases) with a customer managed KMS key."
deny_dms_replication_instance_encrypted_with_cmk contains msg if some msg in analyzer_messages("dms-replication-instance-encrypted-with-cmk")

aws_dms_replication_instance_encrypted_with_cmk(r) := aws_customer_key(r, "kmsKeyArn", ", so the instance uses the AWS managed DMS key.")

catalog["dms-replication-instance-encrypted-with-cmk"] := _rule("deny_dms_replication_instance_encrypted_with_cmk", {"aws:dms/replicationInstance:ReplicationInstance"})

resource_rule_events("dms-replication-instance-encrypted-with-cmk", r) := aws_dms_replication_instance_encrypted_with_cmk(r)
