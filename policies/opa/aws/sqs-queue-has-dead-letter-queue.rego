package phiguard

import rego.v1

# METADATA
# title: sqs-queue-has-dead-letter-queue
# description: "SQS queues send messages that repeatedly fail to a dead-letter queue (a redrivePolicy), so undeliverable PHI is kept and can be investigated instead of expiring silently. Queues that are themselves dead-letter queues are exempt."
stack_warn_sqs_queue_has_dead_letter_queue contains msg if some msg in analyzer_stack_messages("sqs-queue-has-dead-letter-queue")

aws_sqs_queue_has_dead_letter_queue := pd_stack([_sqs_dlq_unit(queue) | some queue in resources_of_type(pd_sqs_queue)])

_sqs_dlq_unit(queue) := [] if {
	aws_has_value(queue.props, "redrivePolicy")
} else := [] if {
	count(children_of(queue, pd_sqs_redrive_policy, "queueUrl", ["name"])) > 0
} else := [] if {
	_sqs_dlq_target(queue)
} else := [{"m": "the queue has no dead-letter queue (no redrivePolicy).", "urn": queue.urn}]

_sqs_dlq_target(queue) if count(children_of(queue, pd_sqs_queue, "redrivePolicy", [])) > 0

_sqs_dlq_target(queue) if count(children_of(queue, pd_sqs_redrive_policy, "redrivePolicy", [])) > 0

catalog["sqs-queue-has-dead-letter-queue"] := _rule("stack_warn_sqs_queue_has_dead_letter_queue", {"aws:sqs/queue:Queue"})

stack_rule_events("sqs-queue-has-dead-letter-queue") := aws_sqs_queue_has_dead_letter_queue
