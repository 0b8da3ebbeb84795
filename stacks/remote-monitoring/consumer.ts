/**
 * The lane consumers' code (Node.js 22, AWS SDK v3 from the runtime), deployed inline as
 * `index.js`; one function per lane runs it with its own `LANE`.
 *
 * Each SQS message is one reading published by a device through AWS IoT Core:
 * `{ "deviceId": "...", "patientId": "...", "metric": "spo2", "value": 91, "unit": "%", "recordedAt": 1732230000000 }`.
 * The consumer validates it, stores it in the readings table (idempotent: the same device, metric
 * and time overwrite the same item), and, when `ALERT_TOPIC_ARN` is set (critical lane), publishes
 * an alert for a value outside the thresholds in `THRESHOLDS` (JSON: metric → [low, high]).
 * Alerts carry the pseudonymous patient ID, metric, value and time: no names, no free text.
 * Invalid readings are reported as batch item failures (retried, then dead-lettered).
 */
export const CONSUMER_SOURCE = String.raw`"use strict";
const { DynamoDBClient, PutItemCommand } = require("@aws-sdk/client-dynamodb");
const { SNSClient, PublishCommand } = require("@aws-sdk/client-sns");

const ddb = new DynamoDBClient({});
const sns = new SNSClient({});
const TABLE = process.env.READINGS_TABLE;
const LANE = process.env.LANE;
const TOPIC = process.env.ALERT_TOPIC_ARN || "";
const THRESHOLDS = JSON.parse(process.env.THRESHOLDS || "{}");
const ID = /^[A-Za-z0-9._:-]{1,128}$/;

function parse(body) {
  const r = JSON.parse(body);
  if (!ID.test(r.deviceId) || !ID.test(r.patientId) || !ID.test(r.metric)) throw new Error("invalid identifiers");
  if (typeof r.value !== "number" || !Number.isFinite(r.value)) throw new Error("invalid value");
  if (!Number.isInteger(r.recordedAt) || r.recordedAt <= 0) throw new Error("invalid recordedAt");
  return r;
}

async function store(r) {
  await ddb.send(new PutItemCommand({
    TableName: TABLE,
    Item: {
      patientId: { S: r.patientId },
      readingKey: { S: r.metric + "#" + String(r.recordedAt).padStart(15, "0") + "#" + r.deviceId },
      metric: { S: r.metric },
      value: { N: String(r.value) },
      unit: { S: String(r.unit || "") },
      deviceId: { S: r.deviceId },
      recordedAt: { N: String(r.recordedAt) },
      lane: { S: LANE },
    },
  }));
}

async function alertIfOutOfRange(r) {
  const range = THRESHOLDS[r.metric];
  if (!TOPIC || !range || (r.value >= range[0] && r.value <= range[1])) return;
  await sns.send(new PublishCommand({
    TopicArn: TOPIC,
    Subject: "Vital sign out of range",
    Message: JSON.stringify({ patientId: r.patientId, metric: r.metric, value: r.value, unit: r.unit, recordedAt: r.recordedAt, range }),
  }));
}

exports.handler = async (event) => {
  const batchItemFailures = [];
  for (const message of event.Records) {
    try {
      const reading = parse(message.body);
      await store(reading);
      await alertIfOutOfRange(reading);
    } catch (error) {
      console.error(JSON.stringify({ lane: LANE, messageId: message.messageId, error: error.message }));
      batchItemFailures.push({ itemIdentifier: message.messageId });
    }
  }
  return { batchItemFailures };
};
`;
