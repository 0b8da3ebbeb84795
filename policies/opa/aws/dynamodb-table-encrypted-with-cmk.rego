package phiguard

import rego.v1

# METADATA
# title: dynamodb-table-encrypted-with-cmk
# description: "DynamoDB tables are encrypted with a customer managed KMS key (serverSideEncryption enabled with kmsKeyArn), not the AWS owned or AWS managed key."
deny_dynamodb_table_encrypted_with_cmk contains msg if some msg in analyzer_messages("dynamodb-table-encrypted-with-cmk")

aws_dynamodb_table_encrypted_with_cmk(r) := unk(s) if {
	s := aws_prop(r, ["serverSideEncryption", "enabled"])
	s.k == "unk"
} else := [{"m": "serverSideEncryption is not enabled, so the table uses an AWS owned key."}] if {
	not is_val(aws_prop(r, ["serverSideEncryption", "enabled"]), true)
} else := [{"m": concat("", ["serverSideEncryption: ", problem, " (the AWS managed key aws/dynamodb is used)."])} | problem := aws_customer_key_problem(r.props.serverSideEncryption, "kmsKeyArn")]

catalog["dynamodb-table-encrypted-with-cmk"] := _rule("deny_dynamodb_table_encrypted_with_cmk", {ds_dynamodb_table})

resource_rule_events("dynamodb-table-encrypted-with-cmk", r) := aws_dynamodb_table_encrypted_with_cmk(r)
