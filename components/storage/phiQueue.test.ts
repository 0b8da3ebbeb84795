import { describe, expect, it } from "vitest";
import { ACCOUNT, constructionErrors, expectConventionTags, findingKeys, packFindings, planProgram, PRIMARY_KEY_URN, REPLICA_KEY_URN, statement } from "./fixtures/plan-helpers";

describe("PhiQueue (planned)", () => {
  it("is secure by default: SSE-KMS with the CMK, an encrypted DLQ with redrive, TLS-only policies", async () => {
    const view = await planProgram(`new PhiQueue("orders", { key });`);
    const urn = (name: string) => view.urn(name);
    expect(view.get("orders").type).toBe("phiguard:storage:PhiQueue");
    expect(view.childNames("orders")).toEqual(["orders-dlq", "orders-dlq-policy", "orders-policy", "orders-queue"]);

    const queueArn = `arn:aws:sqs:us-east-1:${ACCOUNT}:test-test-orders`;
    const dlqArn = `arn:aws:sqs:us-east-1:${ACCOUNT}:test-test-orders-dlq`;
    expect(view.props("orders-queue")).toMatchObject({
      name: "test-test-orders",
      fifoQueue: false,
      kmsDataKeyReusePeriodSeconds: 300,
      messageRetentionSeconds: 345600,
      visibilityTimeoutSeconds: 30,
      receiveWaitTimeSeconds: 20,
      region: "us-east-1",
    });
    expect(view.deps("orders-queue", "kmsMasterKeyId")).toEqual([PRIMARY_KEY_URN]);
    expect(view.deps("orders-queue", "redrivePolicy")).toEqual([urn("orders-dlq")]);
    expect(view.props("orders-dlq")).toMatchObject({ name: "test-test-orders-dlq", messageRetentionSeconds: 1209600, kmsDataKeyReusePeriodSeconds: 300 });
    expect(view.deps("orders-dlq", "kmsMasterKeyId")).toEqual([PRIMARY_KEY_URN]);
    expect(JSON.parse(view.props("orders-dlq").redriveAllowPolicy as string)).toEqual({ redrivePermission: "byQueue", sourceQueueArns: [queueArn] });

    for (const [policy, queue, arn] of [
      ["orders-policy", "orders-queue", queueArn],
      ["orders-dlq-policy", "orders-dlq", dlqArn],
    ] as const) {
      expect(statement(view.policy(policy), "DenyInsecureTransport")).toEqual({
        Sid: "DenyInsecureTransport",
        Effect: "Deny",
        Principal: "*",
        Action: "sqs:*",
        Resource: arn,
        Condition: { Bool: { "aws:SecureTransport": "false" } },
      });
      expect(view.deps(policy, "queueUrl")).toEqual([urn(queue)]);
    }
    expectConventionTags(view, "orders");
    expect(findingKeys(await packFindings(view))).toEqual([]);
  });

  it("splits into priority lanes, each with its own DLQ and its own consumer concurrency", async () => {
    const view = await planProgram(`
const events = new PhiQueue("events", { key, region: "us-west-2", fifo: true, lanes: ["critical", "standard", { name: "batch", maxConcurrency: 3, maxReceiveCount: 2 }] });
for (const lane of Object.keys(events.lanes)) {
  new aws.lambda.EventSourceMapping(\`consume-\${lane}\`, {
    region: "us-west-2",
    functionName: \`clinical-\${lane}\`,
    eventSourceArn: events.lanes[lane]!.arn,
    scalingConfig: { maximumConcurrency: events.maxConcurrency[lane]! },
  });
}
`);
    const urn = (name: string) => view.urn(name);
    expect(view.childNames("events")).toEqual(
      ["critical", "standard", "batch"].flatMap((lane) => [`events-${lane}-dlq`, `events-${lane}-dlq-policy`, `events-${lane}-policy`, `events-${lane}-queue`]).sort(),
    );
    for (const lane of ["critical", "standard", "batch"]) {
      const queue = view.get(`events-${lane}-queue`);
      expect(queue.region).toBe("us-west-2");
      expect(queue.props).toMatchObject({ name: `test-test-events-${lane}.fifo`, fifoQueue: true });
      expect(view.props(`events-${lane}-queue`).tags["phiguard:lane"]).toBe(lane);
      expect(view.deps(`events-${lane}-queue`, "kmsMasterKeyId")).toEqual([REPLICA_KEY_URN]);
      expect(view.deps(`events-${lane}-queue`, "redrivePolicy")).toEqual([urn(`events-${lane}-dlq`)]);
      expect(view.props(`events-${lane}-dlq`)).toMatchObject({ name: `test-test-events-${lane}-dlq.fifo`, fifoQueue: true });
      expect(view.deps(`events-${lane}-dlq`, "kmsMasterKeyId")).toEqual([REPLICA_KEY_URN]);
      expect(view.deps(`consume-${lane}`, "eventSourceArn")).toEqual([urn(`events-${lane}-queue`)]);
    }
    expect(view.props("consume-critical").scalingConfig).toEqual({ maximumConcurrency: 50 });
    expect(view.props("consume-standard").scalingConfig).toEqual({ maximumConcurrency: 20 });
    expect(view.props("consume-batch").scalingConfig).toEqual({ maximumConcurrency: 3 });
    expect(view.props("events-critical-queue").redrivePolicy).toEqual({ "@phiguard": "unknown" });
    expectConventionTags(view, "events");
    expect(findingKeys(await packFindings(view)).filter((f) => f.startsWith("sqs-"))).toEqual([]);
  });

  it("opts out of the TLS-only policy only through allowUnencryptedTransport, and the HIPAA pack flags it", async () => {
    const view = await planProgram(`new PhiQueue("plain", { key, allowUnencryptedTransport: true });`);
    expect(view.childNames("plain")).toEqual(["plain-dlq", "plain-queue"]);
    expect(view.ofType("aws:sqs/queuePolicy:QueuePolicy")).toEqual([]);
    expect(findingKeys(await packFindings(view))).toEqual(["sqs-queue-policy-requires-tls plain-dlq", "sqs-queue-policy-requires-tls plain-queue"]);
  });

  it("fails at construction on invalid args, saying what was given and what is expected", async () => {
    const errors = await constructionErrors([
      `new PhiQueue("a", { key, lanes: [{ name: "critical", maxConcurrency: 1 }] })`,
      `new PhiQueue("b", { key, lanes: ["batch", "batch"] })`,
      `new PhiQueue("c", { key, region: "eu-west-1" })`,
      `new PhiQueue("d", { key, kmsDataKeyReusePeriodSeconds: 30 })`,
      `new PhiQueue("e", { key, lanes: [] })`,
      `new PhiQueue("f", { key, messageRetentionSeconds: 1209600, deadLetterRetentionSeconds: 86400 })`,
    ]);
    expect(errors[0]).toMatch(/PhiQueue "a": lane "critical" maxConcurrency 1 is out of range; expected a whole number of consumers from 2 to 1000/);
    expect(errors[1]).toMatch(/lane "batch" is listed twice/);
    expect(errors[2]).toMatch(/region "eu-west-1" has no key/);
    expect(errors[3]).toMatch(/kmsDataKeyReusePeriodSeconds 30 is out of range; expected a whole number of seconds from 60 to 86400/);
    expect(errors[4]).toMatch(/lanes is empty/);
    expect(errors[5]).toMatch(/deadLetterRetentionSeconds 86400 is shorter than messageRetentionSeconds 1209600/);
  });
});
