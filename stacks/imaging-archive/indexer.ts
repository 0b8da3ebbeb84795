/**
 * The study indexer's code (Node.js 22, AWS SDK v3 from the runtime), deployed inline as
 * `index.js`. For each S3 "object created" event delivered through the ingest queue it:
 *
 * 1. checks the key layout `studies/<StudyInstanceUID>/<SeriesInstanceUID>/<SOPInstanceUID>.dcm`
 *    (DICOM UIDs: digits and dots, at most 64 characters);
 * 2. reads bytes 128-131 of the object (a ranged GET, no PHI leaves S3 beyond four bytes) and
 *    checks the DICOM Part 10 magic `DICM`;
 * 3. writes one index item per instance (study, series, instance, key, version, size, time) to
 *    the studies table, idempotently (same key and version → same item).
 *
 * Invalid objects are logged by key only (never content) and reported as batch item failures, so
 * SQS retries them and finally moves them to the dead-letter queue for review.
 */
export const INDEXER_SOURCE = String.raw`"use strict";
const { S3Client, GetObjectCommand } = require("@aws-sdk/client-s3");
const { DynamoDBClient, PutItemCommand } = require("@aws-sdk/client-dynamodb");

const s3 = new S3Client({});
const ddb = new DynamoDBClient({});
const TABLE = process.env.STUDIES_TABLE;
const UID = "[0-9]+(?:\\.[0-9]+)*";
const KEY = new RegExp("^studies/(" + UID + ")/(" + UID + ")/(" + UID + ")\\.dcm$");

async function indexObject(bucket, key, versionId, size) {
  const match = KEY.exec(key);
  if (!match || match.slice(1).some((uid) => uid.length > 64)) throw new Error("key does not follow studies/<study>/<series>/<instance>.dcm");
  const head = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId, Range: "bytes=128-131" }));
  const magic = Buffer.from(await head.Body.transformToByteArray()).toString("latin1");
  if (magic !== "DICM") throw new Error("object is not a DICOM Part 10 file");
  await ddb.send(new PutItemCommand({
    TableName: TABLE,
    Item: {
      studyInstanceUid: { S: match[1] },
      sopInstanceUid: { S: match[3] },
      seriesInstanceUid: { S: match[2] },
      objectKey: { S: key },
      versionId: { S: versionId || "null" },
      sizeBytes: { N: String(size) },
      indexedAt: { S: new Date().toISOString() },
    },
  }));
}

exports.handler = async (event) => {
  const batchItemFailures = [];
  for (const message of event.Records) {
    try {
      const notification = JSON.parse(message.body);
      for (const record of notification.Records || []) {
        const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, " "));
        await indexObject(record.s3.bucket.name, key, record.s3.object.versionId, record.s3.object.size);
      }
    } catch (error) {
      console.error(JSON.stringify({ messageId: message.messageId, error: error.message }));
      batchItemFailures.push({ itemIdentifier: message.messageId });
    }
  }
  return { batchItemFailures };
};
`;
