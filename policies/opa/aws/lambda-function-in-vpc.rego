package phiguard

import rego.v1

# METADATA
# title: lambda-function-in-vpc
# description: "Lambda functions run in a VPC (vpcConfig with subnets), so their network access to PHI stores is governed by security groups and flow-logged."
deny_lambda_function_in_vpc contains msg if some msg in analyzer_messages("lambda-function-in-vpc")

aws_lambda_function_in_vpc(r) := array.concat(unk(s), [{"m": "the function has no vpcConfig subnets, so it runs outside any VPC."} | s.k != "unk"; aws_array_length(s) == 0]) if {
	s := aws_prop(r, ["vpcConfig", "subnetIds"])
}
