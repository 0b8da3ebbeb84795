package phiguard

import rego.v1

# METADATA
# title: lambda-function-in-vpc
# description: "Lambda functions run in a VPC (vpcConfig with subnets), so their network access to PHI stores is governed by security groups and flow-logged."
deny_lambda_function_in_vpc contains msg if some msg in analyzer_messages("lambda-function-in-vpc")

aws_lambda_function_in_vpc(r) := array.concat(unk(s), [{"m": "the function has no vpcConfig subnets, so it runs outside any VPC."} | s.k != "unk"; aws_array_length(s) == 0]) if {
	s := aws_prop(r, ["vpcConfig", "subnetIds"])
}

catalog["lambda-function-in-vpc"] := _rule("deny_lambda_function_in_vpc", {"aws:lambda/function:Function"})

resource_rule_events("lambda-function-in-vpc", r) := aws_lambda_function_in_vpc(r)
