/** SQS queues and the resources that attach policies to them. */
import type { PolicyResource } from "@pulumi/policy";
import { hasValue } from "./props";
import { childrenOf } from "./stack";

export const QUEUE = "aws:sqs/queue:Queue";
export const QUEUE_POLICY = "aws:sqs/queuePolicy:QueuePolicy";
export const REDRIVE_POLICY = "aws:sqs/redrivePolicy:RedrivePolicy";

/** The queue's access policy documents: its QueuePolicy resources' and its own `policy`. */
export function queuePolicies(resources: readonly PolicyResource[], queue: PolicyResource): unknown[] {
  const documents: unknown[] = childrenOf(resources, queue, QUEUE_POLICY, "queueUrl", ["name"]).map((p) => p.props.policy);
  if (hasValue(queue.props, "policy")) documents.push(queue.props.policy);
  return documents;
}
