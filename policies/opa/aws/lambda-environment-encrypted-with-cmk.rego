package phiguard

import rego.v1

# METADATA
# title: lambda-environment-encrypted-with-cmk
# description: "Lambda functions with environment variables encrypt them with a customer managed KMS key."
deny_lambda_environment_encrypted_with_cmk contains msg if some msg in analyzer_messages("lambda-environment-encrypted-with-cmk")

lambda_environment_encrypted_with_cmk(r) := unk(environment) if {
	environment := edge_prop(r, ["environment"])
	environment.k == "unk"
} else := unk(variables) if {
	variables := edge_prop(r, ["environment", "variables"])
	variables.k == "unk"
} else := [{"m": concat("", ["the function has environment variables but ", problem, "."])} | problem := aws_customer_key_problem(r.props, "kmsKeyArn")] if {
	_lambda_environment_encrypted_with_cmk(edge_prop(r, ["environment", "variables"]))
} else := []

# `variables && Object.keys(variables).length > 0`.
_lambda_environment_encrypted_with_cmk(s) if {
	s.k == "val"
	count(s.v) > 0
	not is_number(s.v)
	not is_boolean(s.v)
	not is_null(s.v)
}

catalog["lambda-environment-encrypted-with-cmk"] := _rule("deny_lambda_environment_encrypted_with_cmk", {"aws:lambda/function:Function"})

resource_rule_events("lambda-environment-encrypted-with-cmk", r) := lambda_environment_encrypted_with_cmk(r)
