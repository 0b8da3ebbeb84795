package phiguard

import rego.v1

# METADATA
# title: redshift-cluster-encrypted-with-cmk
# description: "Redshift clusters encrypt data at rest (encrypted, on by default in @pulumi/aws v7) with a customer managed KMS key (kmsKeyId)."
deny_redshift_cluster_encrypted_with_cmk contains msg if some msg in analyzer_messages("redshift-cluster-encrypted-with-cmk")

aws_redshift_cluster_encrypted_with_cmk(r) := unk(s) if {
	s := aws_prop(r, ["encrypted"])
	s.k == "unk"
} else := [{"m": "encrypted is false."}] if {
	ds_is_false(aws_prop(r, ["encrypted"]))
} else := aws_customer_key(r, "kmsKeyId", ", so the cluster uses the AWS managed Redshift key.")

catalog["redshift-cluster-encrypted-with-cmk"] := _rule("deny_redshift_cluster_encrypted_with_cmk", {aws_redshift_cluster})

resource_rule_events("redshift-cluster-encrypted-with-cmk", r) := aws_redshift_cluster_encrypted_with_cmk(r)
