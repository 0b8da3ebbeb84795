package phiguard

import rego.v1

# METADATA
# title: lambda-concurrency-limit-set
# description: "Lambda functions reserve a concurrency limit, so one function cannot exhaust the account's concurrency and starve the others."
warn_lambda_concurrency_limit_set contains msg if some msg in analyzer_messages("lambda-concurrency-limit-set")

aws_lambda_concurrency_limit_set(r) := array.concat(unk(limit), [{"m": "reservedConcurrentExecutions is not set."} | limit.k != "unk"; _lambda_no_limit(limit)]) if {
	limit := aws_prop(r, ["reservedConcurrentExecutions"])
}

_lambda_no_limit(limit) if limit.k == "none"

_lambda_no_limit(limit) if js_less(limit, 0)

catalog["lambda-concurrency-limit-set"] := _rule("warn_lambda_concurrency_limit_set", {"aws:lambda/function:Function"})

resource_rule_events("lambda-concurrency-limit-set", r) := aws_lambda_concurrency_limit_set(r)
