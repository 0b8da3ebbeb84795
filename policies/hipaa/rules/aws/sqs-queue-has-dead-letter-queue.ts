import { hasValue } from "./lib/props";
import { QUEUE, REDRIVE_POLICY } from "./lib/sqs";
import { childrenOf, forEachDeferred, ofType } from "./lib/stack";
import { stackRule } from "./lib/rule";

export default stackRule({
  name: "sqs-queue-has-dead-letter-queue",
  description:
    "SQS queues send messages that repeatedly fail to a dead-letter queue (a redrivePolicy), so undeliverable PHI is kept and can be investigated instead of expiring silently. Queues that are themselves dead-letter queues are exempt.",
  enforcementLevel: "advisory",
  hipaa: ["164.312(c)(1)", "164.308(a)(7)(ii)(A)"],
  remediation:
    "Use the `PhiQueue` component (it creates an encrypted dead-letter queue), or set `redrivePolicy` (or add an `aws.sqs.RedrivePolicy`) pointing at a dead-letter queue.",
  controls: {},
  resourceTypes: [QUEUE],
  check: (args, report) => {
    const queues = ofType(args.resources, QUEUE);
    const isDeadLetterTarget = (queue: (typeof queues)[number]) =>
      queues.some((q) => (q.propertyDependencies.redrivePolicy ?? []).some((s) => s.urn === queue.urn)) ||
      ofType(args.resources, REDRIVE_POLICY).some((p) => (p.propertyDependencies.redrivePolicy ?? []).some((s) => s.urn === queue.urn));
    forEachDeferred(queues, (queue) => {
      if (hasValue(queue.props, "redrivePolicy")) return;
      if (childrenOf(args.resources, queue, REDRIVE_POLICY, "queueUrl", ["name"]).length > 0) return;
      if (isDeadLetterTarget(queue)) return;
      report("the queue has no dead-letter queue (no redrivePolicy).", queue.urn);
    });
  },
});
