/**
 * `SecurityMonitoring`: alarms on the security events reviewers must see, read from the audit
 * trail's CloudWatch log group, notified through a KMS-encrypted SNS topic; and Container Insights
 * (the `amazon-cloudwatch-observability` EKS add-on) for the clusters given.
 *
 * Children (names are a public contract; `<name>` is the component's name):
 *
 * | name | type |
 * |---|---|
 * | `<name>-topic`, `<name>-topic-policy` | `aws.sns.Topic` (encrypted with the EnvelopeKey), `aws.sns.TopicPolicy` |
 * | `<name>-subscription-<i>` | `aws.sns.TopicSubscription`, one per entry of `subscriptions` |
 * | `<name>-<event>-filter` | `aws.cloudwatch.LogMetricFilter` on the trail's log group, one per event (`SECURITY_EVENTS`) |
 * | `<name>-<event>-alarm` | `aws.cloudwatch.MetricAlarm` on the filter's metric |
 * | `<name>-insights-<cluster>-<type>-logs` | `aws.cloudwatch.LogGroup` `/aws/containerinsights/<cluster>/<type>` (`application`, `dataplane`, `host`, `performance`) |
 * | `<name>-insights-<cluster>-role`, `<name>-insights-<cluster>-role-policy` | `aws.iam.Role` (EKS Pod Identity), `aws.iam.RolePolicyAttachment` (`CloudWatchAgentServerPolicy`) |
 * | `<name>-insights-<cluster>` | `aws.eks.Addon` `amazon-cloudwatch-observability` |
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { AuditTrail } from "../audit/auditTrail";
import { CLOUDWATCH_RETENTION_DAYS } from "../audit/auditTrail";
import type { EnvelopeKey, ServicePrincipalAccess } from "../keys";
import { dnsSuffixOf, validateRegions } from "../network/regions";
import {
  accountIdOf,
  checkInteger,
  checkProviders,
  childOptions,
  describe,
  InvalidArgumentError,
  partitionFor,
  requireKeyRegion,
  shortName,
  stackScopedBase,
  type IamStatement,
  type RegionProviders,
} from "../storage/common";
import { conventionTags, type TaggingArgs } from "../tags";
import { checkedKeyArn, keyPolicyAllowsServicePrincipal } from "../account/keyAccess";
import { SECURITY_EVENT_IDS, SECURITY_EVENTS } from "./securityEvents";
import { podIdentityTrustPolicy } from "../cluster/podIdentity";

export const SECURITY_MONITORING_TYPE = "phiguard:monitoring:SecurityMonitoring";

/**
 * The key-policy entry CloudWatch alarms need to publish to the KMS-encrypted alarm topic (pass it
 * in the EnvelopeKey's `servicePrincipals`): data keys and decrypt, for alarms of this account only.
 */
export const CLOUDWATCH_ALARMS_KEY_ACCESS: ServicePrincipalAccess = Object.freeze({
  service: "cloudwatch",
  actions: ["kms:GenerateDataKey*", "kms:Decrypt"],
  conditions: { StringEquals: { "aws:SourceAccount": "{account}" } },
});

/** The Container Insights log groups the add-on writes to, created encrypted beforehand. */
export const CONTAINER_INSIGHTS_LOG_TYPES = ["application", "dataplane", "host", "performance"] as const;

/** The EKS add-on of Container Insights, and where its agent runs. */
export const CONTAINER_INSIGHTS_ADDON = "amazon-cloudwatch-observability";
export const CONTAINER_INSIGHTS_NAMESPACE = "amazon-cloudwatch";
export const CONTAINER_INSIGHTS_SERVICE_ACCOUNT = "cloudwatch-agent";

/** Where an alarm notification goes. */
export interface AlarmSubscription {
  /** `email` (the address must confirm the subscription) or `https` (the endpoint must confirm it). */
  readonly protocol: "email" | "https";
  /** An e-mail address, or an `https://` URL. */
  readonly endpoint: string;
}

export interface ContainerInsightsCluster {
  /** The EKS cluster's name (a literal: it names the child resources and the log groups). */
  readonly name: string;
  /**
   * The cluster's region.
   * @default the trail's region
   */
  readonly region?: string;
  /**
   * Resources the add-on waits for (e.g. the cluster and its Pod Identity agent add-on).
   * @default none
   */
  readonly dependsOn?: readonly pulumi.Resource[];
}

export interface ContainerInsightsArgs {
  /** The clusters to enable Container Insights on: names, or names with a region and dependencies. */
  readonly clusters: readonly (string | ContainerInsightsCluster)[];
  /**
   * Days the Container Insights log groups keep events (a value CloudWatch Logs accepts).
   * @default 365
   */
  readonly logRetentionDays?: number;
  /**
   * Version of the add-on.
   * @default none: EKS installs its default version for the cluster's Kubernetes version
   */
  readonly addonVersion?: string;
  /**
   * Give the agent its permissions through an EKS Pod Identity role (the cluster needs the
   * `eks-pod-identity-agent` add-on, which `SecureCluster` installs). With `false`, attach
   * `CloudWatchAgentServerPolicy` to the node role yourself.
   * @default true
   */
  readonly podIdentity?: boolean;
}

export interface SecurityMonitoringArgs extends TaggingArgs {
  /** The account's audit trail: the filters read its CloudWatch log group (`trail.logGroup`). */
  readonly trail: AuditTrail;
  /**
   * The envelope key of the alarm topic (its key in the trail's region). Its policy must let
   * CloudWatch publish (`servicePrincipals: [CLOUDWATCH_ALARMS_KEY_ACCESS]`; checked when the
   * policy is known) and, with Container Insights, CloudWatch Logs (`allowCloudWatchLogs: true`).
   */
  readonly key: EnvelopeKey;
  /** Who is notified of every alarm (the owner's security contact). At least one. */
  readonly subscriptions: readonly AlarmSubscription[];
  /**
   * The events to alarm on (IDs of `SECURITY_EVENTS`).
   * @default every event of `SECURITY_EVENTS` (the CIS monitoring set)
   */
  readonly events?: readonly string[];
  /**
   * Alarm threshold per event ID: occurrences within one period that raise the alarm.
   * @default 1 for every event: each occurrence is reviewed
   */
  readonly thresholds?: Readonly<Record<string, number>>;
  /**
   * Period of the alarms, in seconds (a multiple of 60, up to one day).
   * @default 300
   */
  readonly periodSeconds?: number;
  /**
   * CloudWatch namespace of the filters' metrics.
   * @default `phiguard/<project>-<stack>-<name>`, unique per stack
   */
  readonly metricNamespace?: string;
  /**
   * Name of the alarm topic.
   * @default `<project>-<stack>-<name>-security-alarms`
   */
  readonly topicName?: string;
  /**
   * Container Insights for EKS clusters.
   * @default none
   */
  readonly containerInsights?: ContainerInsightsArgs;
  /**
   * Explicit providers per region.
   * @default none: the default provider, with every child's `region` argument set
   */
  readonly providers?: RegionProviders;
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const HTTPS_URL = /^https:\/\/[^\s/]+(\/\S*)?$/;
const TOPIC_NAME = /^[A-Za-z0-9_-]{1,256}$/;
const NAMESPACE = /^[A-Za-z0-9./#:_ -]{1,255}$/;
const CLUSTER_NAME = /^[0-9A-Za-z][A-Za-z0-9_-]{0,99}$/;

export class SecurityMonitoring extends pulumi.ComponentResource {
  /** The region of the trail's log group, the filters, the alarms and the topic. */
  public readonly region: string;
  public readonly topic: aws.sns.Topic;
  /** The topic's ARN, known at preview. */
  public readonly topicArn: pulumi.Output<string>;
  public readonly subscriptions: readonly aws.sns.TopicSubscription[];
  public readonly metricNamespace: string;
  /** Metric filters by event ID. */
  public readonly metricFilters: Readonly<Record<string, aws.cloudwatch.LogMetricFilter>>;
  /** Alarms by event ID. */
  public readonly alarms: Readonly<Record<string, aws.cloudwatch.MetricAlarm>>;
  /** Container Insights add-ons by cluster name. */
  public readonly containerInsightsAddons: Readonly<Record<string, aws.eks.Addon>>;

  constructor(name: string, args: SecurityMonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
    const where = describe(SECURITY_MONITORING_TYPE, name);
    if (!args || !args.trail) throw new InvalidArgumentError(`${where}: no trail given; expected \`trail\`: the account's AuditTrail, whose log group the filters read.`);
    if (!args.key) throw new InvalidArgumentError(`${where}: no key given; expected \`key\`: an EnvelopeKey for the alarm topic, with servicePrincipals: [CLOUDWATCH_ALARMS_KEY_ACCESS].`);
    const { trail, key } = args;
    const region = trail.region;
    requireKeyRegion(where, key, region, "the trail's region");
    const subscriptions = args.subscriptions ?? [];
    if (subscriptions.length === 0) {
      throw new InvalidArgumentError(
        `${where}: no subscriptions given; expected at least one { protocol: "email" | "https", endpoint }, e.g. the owner's security contact, or nobody is notified of the alarms.`,
      );
    }
    subscriptions.forEach((s, i) => checkSubscription(where, i, s));
    const eventIds = [...(args.events ?? SECURITY_EVENT_IDS)];
    if (eventIds.length === 0) throw new InvalidArgumentError(`${where}: events is empty; expected some of ${SECURITY_EVENT_IDS.join(", ")} (omit it for all).`);
    for (const id of [...eventIds, ...Object.keys(args.thresholds ?? {})]) {
      if (!SECURITY_EVENT_IDS.includes(id)) {
        throw new InvalidArgumentError(`${where}: unknown security event "${id}"; expected one of ${SECURITY_EVENT_IDS.join(", ")}.`);
      }
    }
    for (const [id, threshold] of Object.entries(args.thresholds ?? {})) checkInteger(where, `thresholds["${id}"]`, threshold, 1, 10_000, "occurrences");
    const period = args.periodSeconds ?? 300;
    if (!Number.isInteger(period) || period < 60 || period > 86_400 || period % 60 !== 0) {
      throw new InvalidArgumentError(`${where}: periodSeconds ${String(period)} is invalid; expected a multiple of 60 from 60 to 86400.`);
    }
    const namespace = args.metricNamespace ?? `phiguard/${stackScopedBase(name)}`;
    if (!NAMESPACE.test(namespace) || namespace.startsWith("AWS/")) {
      throw new InvalidArgumentError(`${where}: metricNamespace "${namespace}" is invalid; expected 1-255 letters, digits or . / # : _ - and spaces, not starting with "AWS/".`);
    }
    const topicName = args.topicName ?? shortName(stackScopedBase(name), "-security-alarms", 256, (t) => t.replace(/[^A-Za-z0-9_-]+/g, "-"));
    if (!TOPIC_NAME.test(topicName)) {
      throw new InvalidArgumentError(`${where}: topicName "${topicName}" is invalid; expected 1-256 letters, digits, "_" or "-".`);
    }
    const clusters = checkClusters(where, args.containerInsights, region, key);
    const regions = [...new Set([region, ...clusters.map((c) => c.region)])];
    checkProviders(where, args.providers, regions);
    const tags = conventionTags({ type: SECURITY_MONITORING_TYPE, name }, args);

    super(SECURITY_MONITORING_TYPE, name, {}, opts);
    this.region = region;
    this.metricNamespace = namespace;
    const providers = args.providers;
    const options = (r: string | undefined, extra: pulumi.CustomResourceOptions = {}) => childOptions(this, providers, r, extra);
    const partition = partitionFor(region);
    const accountId = accountIdOf(this, providers, region);

    // --- The alarm topic ---------------------------------------------------------------------
    const cloudwatch = `cloudwatch.${dnsSuffixOf(region)}`;
    const topicKey = checkedKeyArn(
      key,
      region,
      (policy) => keyPolicyAllowsServicePrincipal(policy, cloudwatch, ["kms:GenerateDataKey*", "kms:Decrypt"]),
      `${where}: the EnvelopeKey's policy in ${region} does not let ${cloudwatch} use the key (kms:GenerateDataKey* and kms:Decrypt), so CloudWatch alarms could not publish to the encrypted topic; expected an EnvelopeKey with servicePrincipals: [CLOUDWATCH_ALARMS_KEY_ACCESS].`,
    );
    this.topic = new aws.sns.Topic(
      `${name}-topic`,
      { region, name: topicName, displayName: "phiguard security alarms", kmsMasterKeyId: topicKey, tags },
      options(region),
    );
    this.topicArn = pulumi.interpolate`arn:${partition}:sns:${region}:${accountId}:${topicName}`;
    const topicPolicy = new aws.sns.TopicPolicy(
      `${name}-topic-policy`,
      {
        region,
        arn: this.topic.arn,
        policy: pulumi
          .all([this.topicArn, accountId])
          .apply(([topicArn, account]) => JSON.stringify({ Version: "2012-10-17", Statement: alarmTopicStatements(topicArn, partition, region, account) })),
      },
      options(region),
    );
    this.subscriptions = subscriptions.map(
      (s, i) =>
        new aws.sns.TopicSubscription(
          `${name}-subscription-${i}`,
          { region, topic: this.topic.arn, protocol: s.protocol, endpoint: s.endpoint, ...(s.protocol === "https" ? { endpointAutoConfirms: false } : {}) },
          options(region),
        ),
    );

    // --- Metric filters and alarms ------------------------------------------------------------
    const filters: Record<string, aws.cloudwatch.LogMetricFilter> = {};
    const alarms: Record<string, aws.cloudwatch.MetricAlarm> = {};
    const alarmBase = stackScopedBase(name);
    for (const event of SECURITY_EVENTS.filter((e) => eventIds.includes(e.id))) {
      const filter = new aws.cloudwatch.LogMetricFilter(
        `${name}-${event.id}-filter`,
        {
          region,
          name: `phiguard-${event.id}`,
          logGroupName: trail.logGroup.name,
          pattern: event.pattern,
          metricTransformation: { name: event.metricName, namespace, value: "1" },
        },
        options(region),
      );
      const description = `${event.title} (${event.cis}${event.securityHubControl ? `, Security Hub ${event.securityHubControl}` : ""}): ${event.meaning}`;
      alarms[event.id] = new aws.cloudwatch.MetricAlarm(
        `${name}-${event.id}-alarm`,
        {
          region,
          name: shortName(alarmBase, `-${event.id}`, 255, (t) => t),
          alarmDescription: description.length <= 1024 ? description : `${description.slice(0, 1021)}...`,
          namespace,
          metricName: event.metricName,
          statistic: "Sum",
          period,
          evaluationPeriods: 1,
          datapointsToAlarm: 1,
          threshold: args.thresholds?.[event.id] ?? 1,
          comparisonOperator: "GreaterThanOrEqualToThreshold",
          treatMissingData: "notBreaching",
          actionsEnabled: true,
          alarmActions: [this.topic.arn],
          okActions: [this.topic.arn],
          insufficientDataActions: [this.topic.arn],
          tags,
        },
        options(region, { dependsOn: [filter, topicPolicy] }),
      );
      filters[event.id] = filter;
    }
    this.metricFilters = filters;
    this.alarms = alarms;

    // --- Container Insights -------------------------------------------------------------------
    const addons: Record<string, aws.eks.Addon> = {};
    const insights = args.containerInsights;
    const retention = insights?.logRetentionDays ?? 365;
    for (const cluster of clusters) {
      const base = `${name}-insights-${cluster.name}`;
      const groups = CONTAINER_INSIGHTS_LOG_TYPES.map(
        (type) =>
          new aws.cloudwatch.LogGroup(
            `${base}-${type}-logs`,
            {
              region: cluster.region,
              name: `/aws/containerinsights/${cluster.name}/${type}`,
              kmsKeyId: key.arnFor(cluster.region),
              retentionInDays: retention,
              logGroupClass: "STANDARD",
              deletionProtectionEnabled: true,
              tags,
            },
            options(cluster.region),
          ),
      );
      const extra: Partial<aws.eks.AddonArgs> = {};
      const dependsOn: pulumi.Resource[] = [...groups, ...(cluster.dependsOn ?? [])];
      if (insights?.podIdentity ?? true) {
        const role = new aws.iam.Role(
          `${base}-role`,
          {
            description: `Container Insights agent of EKS cluster ${cluster.name} (EKS Pod Identity)`,
            assumeRolePolicy: podIdentityTrustPolicy(cluster.name, CONTAINER_INSIGHTS_NAMESPACE, CONTAINER_INSIGHTS_SERVICE_ACCOUNT),
            maxSessionDuration: 3600,
            tags,
          },
          options(undefined),
        );
        const attachment = new aws.iam.RolePolicyAttachment(
          `${base}-role-policy`,
          { role: role.name, policyArn: `arn:${partitionFor(cluster.region)}:iam::aws:policy/CloudWatchAgentServerPolicy` },
          options(undefined),
        );
        extra.podIdentityAssociations = [{ roleArn: role.arn, serviceAccount: CONTAINER_INSIGHTS_SERVICE_ACCOUNT }];
        dependsOn.push(attachment);
      }
      addons[cluster.name] = new aws.eks.Addon(
        base,
        {
          region: cluster.region,
          clusterName: cluster.name,
          addonName: CONTAINER_INSIGHTS_ADDON,
          ...(insights?.addonVersion !== undefined ? { addonVersion: insights.addonVersion } : {}),
          resolveConflictsOnCreate: "OVERWRITE",
          resolveConflictsOnUpdate: "OVERWRITE",
          ...extra,
          tags,
        },
        options(cluster.region, { dependsOn }),
      );
    }
    this.containerInsightsAddons = addons;

    this.registerOutputs({ region, topicArn: this.topicArn, metricNamespace: namespace, events: eventIds });
  }
}

/**
 * The alarm topic's policy: CloudWatch alarms of this account may publish; nothing may publish
 * without TLS.
 */
export function alarmTopicStatements(topicArn: string, partition: string, region: string, accountId: string): IamStatement[] {
  return [
    {
      Sid: "CloudWatchAlarmsPublish",
      Effect: "Allow",
      Principal: { Service: "cloudwatch.amazonaws.com" },
      Action: "sns:Publish",
      Resource: topicArn,
      Condition: {
        ArnLike: { "aws:SourceArn": `arn:${partition}:cloudwatch:${region}:${accountId}:alarm:*` },
        StringEquals: { "aws:SourceAccount": accountId },
      },
    },
    {
      Sid: "DenyInsecureTransport",
      Effect: "Deny",
      Principal: "*",
      Action: "sns:Publish",
      Resource: topicArn,
      Condition: { Bool: { "aws:SecureTransport": "false" } },
    },
  ];
}

function checkSubscription(where: string, index: number, subscription: AlarmSubscription): void {
  const { protocol, endpoint } = subscription ?? ({} as AlarmSubscription);
  if (protocol === "email") {
    if (typeof endpoint !== "string" || !EMAIL.test(endpoint)) {
      throw new InvalidArgumentError(`${where}: subscriptions[${index}] endpoint "${String(endpoint)}" is not an e-mail address; expected e.g. "security@example.org".`);
    }
    return;
  }
  if (protocol === "https") {
    if (typeof endpoint !== "string" || !HTTPS_URL.test(endpoint)) {
      throw new InvalidArgumentError(`${where}: subscriptions[${index}] endpoint "${String(endpoint)}" is not an https:// URL; expected e.g. "https://alerts.example.org/aws" (plain http is refused: alarms describe the account's security).`);
    }
    return;
  }
  throw new InvalidArgumentError(`${where}: subscriptions[${index}] protocol "${String(protocol)}" is not supported; expected "email" or "https".`);
}

interface ResolvedCluster {
  readonly name: string;
  readonly region: string;
  readonly dependsOn?: readonly pulumi.Resource[];
}

function checkClusters(where: string, insights: ContainerInsightsArgs | undefined, defaultRegion: string, key: EnvelopeKey): ResolvedCluster[] {
  if (insights === undefined) return [];
  const clusters = (insights.clusters ?? []).map((c): ResolvedCluster => (typeof c === "string" ? { name: c, region: defaultRegion } : { ...c, region: c.region ?? defaultRegion }));
  if (clusters.length === 0) {
    throw new InvalidArgumentError(`${where}: containerInsights.clusters is empty; expected the names of the EKS clusters (omit containerInsights for none).`);
  }
  const seen = new Set<string>();
  for (const cluster of clusters) {
    if (typeof cluster.name !== "string" || !CLUSTER_NAME.test(cluster.name)) {
      throw new InvalidArgumentError(`${where}: containerInsights cluster name "${String(cluster.name)}" is invalid; expected the literal EKS cluster name (1-100 letters, digits, "-" or "_").`);
    }
    if (seen.has(cluster.name)) throw new InvalidArgumentError(`${where}: containerInsights lists cluster "${cluster.name}" twice; expected each cluster name once (it names the child resources).`);
    seen.add(cluster.name);
    validateRegions(`${where}: containerInsights cluster "${cluster.name}" region`, [cluster.region]);
    requireKeyRegion(where, key, cluster.region, `containerInsights cluster "${cluster.name}" region`);
  }
  const retention = insights.logRetentionDays ?? 365;
  if (!CLOUDWATCH_RETENTION_DAYS.includes(retention)) {
    throw new InvalidArgumentError(
      `${where}: containerInsights.logRetentionDays ${String(retention)} is not a retention CloudWatch Logs accepts; expected one of ${CLOUDWATCH_RETENTION_DAYS.join(", ")}.`,
    );
  }
  if (!key.allowsCloudWatchLogs) {
    throw new InvalidArgumentError(
      `${where}: the EnvelopeKey does not allow CloudWatch Logs, so the Container Insights log groups cannot be encrypted with it; expected an EnvelopeKey created with allowCloudWatchLogs: true.`,
    );
  }
  return clusters;
}
