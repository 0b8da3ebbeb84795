package phiguard

import rego.v1

# METADATA
# title: lambda-function-not-public
# description: "Lambda functions cannot be invoked by anyone: no permission grants principal \"*\" without a source restriction, and no function URL uses authorization type NONE."
deny_lambda_function_not_public contains msg if some msg in analyzer_messages("lambda-function-not-public")

aws_lambda_function_not_public(r) := aws_when_equal(r, ["authorizationType"], "NONE", "the function URL uses authorizationType NONE: anyone on the internet can invoke it.") if {
	r.type == "aws:lambda/functionUrl:FunctionUrl"
} else := array.concat(
	aws_when_equal(r, ["functionUrlAuthType"], "NONE", "the permission allows unauthenticated function URL invocation (functionUrlAuthType NONE)."),
	array.concat(unk(principal), [{"m": "the permission lets any principal (\"*\") invoke the function without a source restriction."} |
		is_val(principal, "*")
		not _lambda_not_public_scoped(r)
	]),
) if {
	principal := aws_prop(r, ["principal"])
}

_lambda_not_public_scoped(r) if {
	some k in ["sourceArn", "sourceAccount", "principalOrgId"]
	aws_has_value(r.props, k)
}

catalog["lambda-function-not-public"] := _rule("deny_lambda_function_not_public", {"aws:lambda/permission:Permission", "aws:lambda/functionUrl:FunctionUrl"})

resource_rule_events("lambda-function-not-public", r) := aws_lambda_function_not_public(r)
