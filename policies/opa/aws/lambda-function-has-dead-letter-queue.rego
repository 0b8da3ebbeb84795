package phiguard

import rego.v1

# METADATA
# title: lambda-function-has-dead-letter-queue
# description: "Lambda functions send failed asynchronous invocations to a dead-letter queue, so events carrying PHI are not lost."
warn_lambda_function_has_dead_letter_queue contains msg if some msg in analyzer_messages("lambda-function-has-dead-letter-queue")

aws_lambda_function_has_dead_letter_queue(r) := aws_unless_has_value(r, ["deadLetterConfig"], "targetArn", "no deadLetterConfig.targetArn is set.")

catalog["lambda-function-has-dead-letter-queue"] := _rule("warn_lambda_function_has_dead_letter_queue", {"aws:lambda/function:Function"})

resource_rule_events("lambda-function-has-dead-letter-queue", r) := aws_lambda_function_has_dead_letter_queue(r)
