package phiguard

import rego.v1

# METADATA
# title: sqs-queue-policy-requires-tls
# description: "SQS queue policies deny every request not sent over TLS (a Deny of sqs:* when aws:SecureTransport is false)."
stack_deny_sqs_queue_policy_requires_tls contains msg if some msg in analyzer_stack_messages("sqs-queue-policy-requires-tls")

aws_sqs_queue_policy_requires_tls := pd_stack([_sqs_tls_unit(queue) | some queue in resources_of_type(pd_sqs_queue)])

_sqs_tls_documents(queue) := pd_policy_documents(children_of(queue, pd_sqs_queue_policy, "queueUrl", ["name"]), queue)

_sqs_tls_unit(queue) := docs.evs if {
	docs := _sqs_tls_documents(queue)
	count(docs.evs) > 0
} else := [{"m": "the queue has no access policy, so requests over plain HTTP are allowed.", "urn": queue.urn}] if {
	count(_sqs_tls_documents(queue).docs) == 0
} else := array.concat(parsed.evs, [{"m": "the queue policy does not deny sqs:* when aws:SecureTransport is false.", "urn": queue.urn} | not _sqs_tls_denied(parsed.st)]) if {
	parsed := pd_documents_statements(_sqs_tls_documents(queue).docs, queue.urn)
}

_sqs_tls_denied(statements) if {
	some st in statements
	pd_denies_insecure_transport(st, ["sqs:*"])
}

catalog["sqs-queue-policy-requires-tls"] := _rule("stack_deny_sqs_queue_policy_requires_tls", {"aws:sqs/queue:Queue"})

stack_rule_events("sqs-queue-policy-requires-tls") := aws_sqs_queue_policy_requires_tls
