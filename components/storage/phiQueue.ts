/**
 * `PhiQueue`: SQS queues for PHI messages, secure by default: SSE-KMS with the CMK, an encrypted
 * dead-letter queue with redrive, and a TLS-only queue policy. Optionally split into priority
 * lanes (e.g. `critical`, `standard`, `batch`): separate queues, each with its own DLQ and its own
 * consumer concurrency limit, so a surge of batch work never starves critical clinical events.
 *
 * Children (names are a public contract; `<name>` is the component's name, `<q>` is `<name>`
 * without lanes and `<name>-<lane>` for each lane):
 * - `<q>-queue`        `aws.sqs.Queue`
 * - `<q>-dlq`          `aws.sqs.Queue` (the dead-letter queue; only `<q>-queue` may redrive into it)
 * - `<q>-policy`       `aws.sqs.QueuePolicy` (deny non-TLS), unless `allowUnencryptedTransport`
 * - `<q>-dlq-policy`   `aws.sqs.QueuePolicy` (deny non-TLS), unless `allowUnencryptedTransport`
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { EnvelopeKey } from "../keys";
import { conventionTags, type TaggingArgs } from "../tags";
import {
  accountIdOf,
  checkInteger,
  checkProviders,
  childOptions,
  denyInsecureTransport,
  describe,
  homeRegion,
  InvalidArgumentError,
  partitionFor,
  shortName,
  stackScopedBase,
  type RegionProviders,
} from "./common";

export const PHI_QUEUE_TYPE = "phiguard:storage:PhiQueue";

/** Range of Lambda's SQS event source `scalingConfig.maximumConcurrency`. */
export const MIN_LANE_CONCURRENCY = 2;
export const MAX_LANE_CONCURRENCY = 1000;

/** Default consumer concurrency of well-known lane names; other lanes get 10. */
export const DEFAULT_LANE_CONCURRENCY: Readonly<Record<string, number>> = Object.freeze({ critical: 50, standard: 20, batch: 5 });
const OTHER_LANE_CONCURRENCY = 10;

export interface QueueLane {
  /** Lane name (letters, digits, `-`, `_`), part of child and queue names. */
  readonly name: string;
  /**
   * Most concurrent consumers of the lane (for an event source mapping's
   * `scalingConfig.maximumConcurrency`, 2-1000).
   * @default critical 50, standard 20, batch 5, any other lane 10
   */
  readonly maxConcurrency?: number;
  /**
   * Receives before a message moves to the lane's DLQ.
   * @default the queue's `maxReceiveCount`
   */
  readonly maxReceiveCount?: number;
  /**
   * Visibility timeout of the lane, in seconds.
   * @default the queue's `visibilityTimeoutSeconds`
   */
  readonly visibilityTimeoutSeconds?: number;
}

export interface PhiQueueArgs extends TaggingArgs {
  /** The envelope key: every queue and DLQ is encrypted with its key in the queue's region. */
  readonly key: EnvelopeKey;
  /**
   * Region of the queues.
   * @default the key's primary region
   */
  readonly region?: string;
  /**
   * Priority lanes: separate queues (each with its own DLQ and concurrency limit) instead of one.
   * Strings use the lane defaults.
   * @default none: one queue
   */
  readonly lanes?: readonly (string | QueueLane)[];
  /**
   * FIFO queues (exactly-once, ordered per message group).
   * @default false
   */
  readonly fifo?: boolean;
  /**
   * Seconds SQS reuses a data key before calling KMS again (60-86400).
   * @default 300 seconds (5 minutes): SQS's own default, a balance of KMS calls and key exposure
   */
  readonly kmsDataKeyReusePeriodSeconds?: number;
  /**
   * Seconds a message is kept (60-1209600).
   * @default 345600 (4 days)
   */
  readonly messageRetentionSeconds?: number;
  /**
   * Seconds a message stays in a DLQ (60-1209600).
   * @default 1209600 (14 days, the longest SQS allows), time to investigate failed PHI messages
   */
  readonly deadLetterRetentionSeconds?: number;
  /**
   * Receives before a message moves to the DLQ (1-1000).
   * @default 5
   */
  readonly maxReceiveCount?: number;
  /**
   * Visibility timeout, in seconds (0-43200).
   * @default 30
   */
  readonly visibilityTimeoutSeconds?: number;
  /**
   * Long-polling wait, in seconds (0-20).
   * @default 20: fewer empty receives
   */
  readonly receiveWaitTimeSeconds?: number;
  /**
   * Create no queue policies, so requests over plain HTTP are not denied. HIPAA consequence: PHI in
   * messages may cross the network unencrypted (transmission security, §164.312(e)(1)).
   * @default false: every queue and DLQ denies requests where `aws:SecureTransport` is false
   */
  readonly allowUnencryptedTransport?: boolean;
  /**
   * Explicit providers per region.
   * @default none: the default provider, with every child's `region` argument set
   */
  readonly providers?: RegionProviders;
}

/** One lane (or the single queue). */
export interface PhiQueueLane {
  readonly name: string;
  readonly queue: aws.sqs.Queue;
  readonly deadLetterQueue: aws.sqs.Queue;
  /** Queue name (known at preview). */
  readonly queueName: string;
  readonly deadLetterQueueName: string;
  readonly url: pulumi.Output<string>;
  readonly arn: pulumi.Output<string>;
  readonly deadLetterQueueArn: pulumi.Output<string>;
  /** Set on the consumer's event source mapping: `scalingConfig: { maximumConcurrency }`. */
  readonly maxConcurrency: number;
  readonly maxReceiveCount: number;
  readonly policy?: aws.sqs.QueuePolicy;
  readonly deadLetterPolicy?: aws.sqs.QueuePolicy;
}

const LANE_NAME = /^[A-Za-z0-9_-]{1,40}$/;

export class PhiQueue extends pulumi.ComponentResource {
  public readonly region: string;
  /** Lanes by name; without `lanes`, one lane named `default`. */
  public readonly lanes: Readonly<Record<string, PhiQueueLane>>;
  /** `scalingConfig.maximumConcurrency` per lane, for the consumers' event source mappings. */
  public readonly maxConcurrency: Readonly<Record<string, number>>;
  /** The queue (the first lane's when lanes are given). */
  public readonly queue: aws.sqs.Queue;
  public readonly deadLetterQueue: aws.sqs.Queue;
  public readonly url: pulumi.Output<string>;
  public readonly arn: pulumi.Output<string>;

  constructor(name: string, args: PhiQueueArgs, opts?: pulumi.ComponentResourceOptions) {
    const where = describe(PHI_QUEUE_TYPE, name);
    if (!args || !args.key) throw new InvalidArgumentError(`${where}: no key given; expected \`key\`: an EnvelopeKey with a key in the queue's region.`);
    const key = args.key;
    const region = homeRegion(where, key, args.region);
    const reuse = args.kmsDataKeyReusePeriodSeconds ?? 300;
    checkInteger(where, "kmsDataKeyReusePeriodSeconds", reuse, 60, 86400, "seconds", "SQS data key reuse");
    const retention = args.messageRetentionSeconds ?? 345600;
    checkInteger(where, "messageRetentionSeconds", retention, 60, 1209600, "seconds");
    const dlqRetention = args.deadLetterRetentionSeconds ?? 1209600;
    checkInteger(where, "deadLetterRetentionSeconds", dlqRetention, 60, 1209600, "seconds");
    if (dlqRetention < retention) {
      throw new InvalidArgumentError(
        `${where}: deadLetterRetentionSeconds ${dlqRetention} is shorter than messageRetentionSeconds ${retention}; expected at least as long (SQS keeps a message's original timestamp, so a shorter DLQ retention drops it on arrival).`,
      );
    }
    const maxReceiveCount = args.maxReceiveCount ?? 5;
    checkInteger(where, "maxReceiveCount", maxReceiveCount, 1, 1000, "receives");
    const visibility = args.visibilityTimeoutSeconds ?? 30;
    checkInteger(where, "visibilityTimeoutSeconds", visibility, 0, 43200, "seconds");
    const wait = args.receiveWaitTimeSeconds ?? 20;
    checkInteger(where, "receiveWaitTimeSeconds", wait, 0, 20, "seconds");

    const laneSpecs: { lane?: string; maxConcurrency: number; maxReceiveCount: number; visibility: number }[] = [];
    if (args.lanes !== undefined) {
      if (args.lanes.length === 0) throw new InvalidArgumentError(`${where}: lanes is empty; expected lane names such as ["critical", "standard", "batch"], or omit lanes for one queue.`);
      const seen = new Set<string>();
      for (const entry of args.lanes) {
        const lane: QueueLane = typeof entry === "string" ? { name: entry } : entry;
        if (!LANE_NAME.test(lane.name)) throw new InvalidArgumentError(`${where}: lane name "${lane.name}" is invalid; expected 1-40 letters, digits, "-" or "_".`);
        if (seen.has(lane.name)) throw new InvalidArgumentError(`${where}: lane "${lane.name}" is listed twice; expected each lane once.`);
        seen.add(lane.name);
        const concurrency = lane.maxConcurrency ?? DEFAULT_LANE_CONCURRENCY[lane.name] ?? OTHER_LANE_CONCURRENCY;
        checkInteger(where, `lane "${lane.name}" maxConcurrency`, concurrency, MIN_LANE_CONCURRENCY, MAX_LANE_CONCURRENCY, "consumers", "Lambda SQS scalingConfig.maximumConcurrency");
        const receives = lane.maxReceiveCount ?? maxReceiveCount;
        checkInteger(where, `lane "${lane.name}" maxReceiveCount`, receives, 1, 1000, "receives");
        const laneVisibility = lane.visibilityTimeoutSeconds ?? visibility;
        checkInteger(where, `lane "${lane.name}" visibilityTimeoutSeconds`, laneVisibility, 0, 43200, "seconds");
        laneSpecs.push({ lane: lane.name, maxConcurrency: concurrency, maxReceiveCount: receives, visibility: laneVisibility });
      }
    } else {
      laneSpecs.push({ maxConcurrency: OTHER_LANE_CONCURRENCY, maxReceiveCount, visibility });
    }
    checkProviders(where, args.providers, [region]);
    const tags = conventionTags({ type: PHI_QUEUE_TYPE, name }, args);

    super(PHI_QUEUE_TYPE, name, {}, opts);
    this.region = region;
    const fifo = args.fifo === true;
    const partition = partitionFor(region);
    const accountId = accountIdOf(this, args.providers, region);
    const keyArn = key.arnFor(region);
    const opts_ = (extra: pulumi.CustomResourceOptions = {}) => childOptions(this, args.providers, region, extra);
    const queueArnOf = (queueName: string) => pulumi.interpolate`arn:${partition}:sqs:${region}:${accountId}:${queueName}`;
    const physical = (lane: string | undefined, dlq: boolean) =>
      shortName(`${stackScopedBase(name)}${lane ? `-${lane}` : ""}`, `${dlq ? "-dlq" : ""}${fifo ? ".fifo" : ""}`, 80, (t) => t.replace(/[^A-Za-z0-9_-]+/g, "-"));
    const tlsPolicy = (arn: pulumi.Output<string>) => arn.apply((a) => JSON.stringify({ Version: "2012-10-17", Statement: [denyInsecureTransport("sqs:*", a)] }));

    const lanes: Record<string, PhiQueueLane> = {};
    for (const spec of laneSpecs) {
      const prefix = spec.lane ? `${name}-${spec.lane}` : name;
      const queueName = physical(spec.lane, false);
      const dlqName = physical(spec.lane, true);
      const queueArn = queueArnOf(queueName);
      const dlqArn = queueArnOf(dlqName);
      const laneTags = spec.lane ? { ...tags, "phiguard:lane": spec.lane } : tags;
      const deadLetterQueue = new aws.sqs.Queue(
        `${prefix}-dlq`,
        {
          region,
          name: dlqName,
          fifoQueue: fifo,
          kmsMasterKeyId: keyArn,
          kmsDataKeyReusePeriodSeconds: reuse,
          messageRetentionSeconds: dlqRetention,
          receiveWaitTimeSeconds: wait,
          visibilityTimeoutSeconds: spec.visibility,
          redriveAllowPolicy: queueArn.apply((arn) => JSON.stringify({ redrivePermission: "byQueue", sourceQueueArns: [arn] })),
          tags: laneTags,
        },
        opts_(),
      );
      const queue = new aws.sqs.Queue(
        `${prefix}-queue`,
        {
          region,
          name: queueName,
          fifoQueue: fifo,
          kmsMasterKeyId: keyArn,
          kmsDataKeyReusePeriodSeconds: reuse,
          messageRetentionSeconds: retention,
          receiveWaitTimeSeconds: wait,
          visibilityTimeoutSeconds: spec.visibility,
          redrivePolicy: pulumi.jsonStringify({ deadLetterTargetArn: deadLetterQueue.arn, maxReceiveCount: spec.maxReceiveCount }),
          tags: laneTags,
        },
        opts_(),
      );
      let policy: aws.sqs.QueuePolicy | undefined;
      let deadLetterPolicy: aws.sqs.QueuePolicy | undefined;
      if (args.allowUnencryptedTransport !== true) {
        policy = new aws.sqs.QueuePolicy(`${prefix}-policy`, { region, queueUrl: queue.url, policy: tlsPolicy(queueArn) }, opts_());
        deadLetterPolicy = new aws.sqs.QueuePolicy(`${prefix}-dlq-policy`, { region, queueUrl: deadLetterQueue.url, policy: tlsPolicy(dlqArn) }, opts_());
      }
      const laneName = spec.lane ?? "default";
      lanes[laneName] = {
        name: laneName,
        queue,
        deadLetterQueue,
        queueName,
        deadLetterQueueName: dlqName,
        url: queue.url,
        arn: queue.arn,
        deadLetterQueueArn: deadLetterQueue.arn,
        maxConcurrency: spec.maxConcurrency,
        maxReceiveCount: spec.maxReceiveCount,
        ...(policy ? { policy } : {}),
        ...(deadLetterPolicy ? { deadLetterPolicy } : {}),
      };
    }
    this.lanes = lanes;
    this.maxConcurrency = Object.fromEntries(Object.values(lanes).map((l) => [l.name, l.maxConcurrency]));
    const first = Object.values(lanes)[0]!;
    this.queue = first.queue;
    this.deadLetterQueue = first.deadLetterQueue;
    this.url = first.url;
    this.arn = first.arn;
    this.registerOutputs({
      region,
      maxConcurrency: this.maxConcurrency,
      urls: Object.fromEntries(Object.values(lanes).map((l) => [l.name, l.url])),
    });
  }
}
