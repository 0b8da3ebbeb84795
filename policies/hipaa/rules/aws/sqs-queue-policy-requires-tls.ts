import { CITES } from "../../controls";
import { deniesInsecureTransport, statementsOrReport } from "./lib/policy-document";
import { QUEUE, queuePolicies } from "./lib/sqs";
import { forEachDeferred, ofType } from "./lib/stack";
import { stackRule } from "./lib/rule";

export default stackRule({
  name: "sqs-queue-policy-requires-tls",
  description: "SQS queue policies deny every request not sent over TLS (a Deny of sqs:* when aws:SecureTransport is false).",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.inTransit],
  remediation:
    "Use the `PhiQueue` component, or add an `aws.sqs.QueuePolicy` (`queueUrl: queue.url`) with `{ Effect: \"Deny\", Principal: \"*\", Action: \"sqs:*\", Condition: { Bool: { \"aws:SecureTransport\": \"false\" } } }`.",
  controls: {},
  resourceTypes: [QUEUE],
  check: (args, report) => {
    forEachDeferred(ofType(args.resources, QUEUE), (queue) => {
      const documents = queuePolicies(args.resources, queue);
      if (documents.length === 0) {
        report("the queue has no access policy, so requests over plain HTTP are allowed.", queue.urn);
        return;
      }
      const statements = documents.flatMap((d) => statementsOrReport(d, report, queue.urn) ?? []);
      if (!statements.some((s) => deniesInsecureTransport(s, ["sqs:*"]))) {
        report("the queue policy does not deny sqs:* when aws:SecureTransport is false.", queue.urn);
      }
    });
  },
});
