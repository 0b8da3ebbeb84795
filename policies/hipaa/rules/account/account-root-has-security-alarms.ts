import type { PolicyResource } from "@pulumi/policy";
import { arrayOf, peekString } from "../aws/lib/props";
import { stackRule } from "../aws/lib/rule";
import { forEachDeferred, ofType } from "../aws/lib/stack";
import { requireAccountRoot } from "./lib/account";
import { FilterPatternError, matchesFilterPattern, parseFilterPattern, type FilterExpression } from "./lib/filter-pattern";
import { ROUTINE_EVENTS, SECURITY_SIGNAL_IDS, SECURITY_SIGNALS } from "./lib/security-signals";

const TRAIL = "aws:cloudtrail/trail:Trail";
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const FILTER = "aws:cloudwatch/logMetricFilter:LogMetricFilter";
const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

interface Config {
  readonly events?: readonly string[];
}

/** The log group name in a literal `arn:...:log-group:<name>[:*]`. */
function logGroupNameOfArn(arn: string): string | undefined {
  return /:log-group:(.+?)(?::\*)?$/.exec(arn)?.[1];
}

interface WatchedGroups {
  readonly urns: Set<string>;
  readonly names: Set<string>;
}

/** The log groups CloudTrail trails deliver to: resources joined by dependency, and literal names. */
function trailLogGroups(resources: readonly PolicyResource[]): WatchedGroups {
  const urns = new Set<string>();
  const names = new Set<string>();
  const groups = ofType(resources, LOG_GROUP);
  for (const trail of ofType(resources, TRAIL)) {
    const sources = trail.propertyDependencies.cloudWatchLogsGroupArn ?? [];
    for (const group of groups.filter((g) => sources.some((s) => s.urn === g.urn))) {
      urns.add(group.urn);
      const name = peekString(group.props, "name");
      if (name) names.add(name);
    }
    const literal = peekString(trail.props, "cloudWatchLogsGroupArn");
    const name = literal === undefined ? undefined : logGroupNameOfArn(literal);
    if (name) {
      names.add(name);
      for (const group of groups.filter((g) => peekString(g.props, "name") === name)) urns.add(group.urn);
    }
  }
  return { urns, names };
}

function onWatchedGroup(filter: PolicyResource, watched: WatchedGroups): boolean {
  const sources = filter.propertyDependencies.logGroupName ?? [];
  if (sources.some((s) => watched.urns.has(s.urn))) return true;
  const literal = peekString(filter.props, "logGroupName");
  return literal !== undefined && watched.names.has(literal);
}

function notifies(alarm: PolicyResource): boolean {
  return alarm.props.actionsEnabled !== false && arrayOf(alarm.props.alarmActions).length > 0;
}

export default stackRule({
  name: "account-root-has-security-alarms",
  description:
    "An account-root stack alarms on the security events reviewers must see (the CIS AWS Foundations Benchmark monitoring set: root account use, unauthorized API calls, console sign-in without MFA, IAM policy, CloudTrail, AWS Config, KMS key, security group, NACL, network gateway, route table, VPC, S3 bucket policy and AWS Organizations changes, console authentication failures): CloudWatch metric filters on the log group a CloudTrail trail delivers to, each with an alarm that notifies someone.",
  enforcementLevel: "mandatory",
  hipaa: ["164.308(a)(1)(ii)(D)", "164.308(a)(5)(ii)(C)", "164.308(a)(6)(ii)", "164.312(b)"],
  remediation:
    "Add phiguard's `SecurityMonitoring` component on the `AuditTrail` (`new SecurityMonitoring(\"security\", { trail, key, subscriptions: [{ protocol: \"email\", endpoint: \"security@example.org\" }] })`): a metric filter and an alarm to an encrypted SNS topic per event. Hand-written filters must use JSON filter patterns with explicit parentheses and `aws.cloudwatch.MetricAlarm`s with `alarmActions` on their metrics.",
  controls: {
    cis: [
      "AWS 3.0.0 4.1", "AWS 3.0.0 4.2", "AWS 3.0.0 4.3", "AWS 3.0.0 4.4", "AWS 3.0.0 4.5", "AWS 3.0.0 4.6", "AWS 3.0.0 4.7", "AWS 3.0.0 4.8",
      "AWS 3.0.0 4.9", "AWS 3.0.0 4.10", "AWS 3.0.0 4.11", "AWS 3.0.0 4.12", "AWS 3.0.0 4.13", "AWS 3.0.0 4.14", "AWS 3.0.0 4.15",
    ],
  },
  resourceTypes: [TRAIL, FILTER, ALARM],
  configSchema: {
    properties: {
      events: {
        type: "array",
        items: { type: "string", enum: [...SECURITY_SIGNAL_IDS] },
        default: [...SECURITY_SIGNAL_IDS],
        description: "The security events that must have an alarm (IDs as in `SecurityMonitoring`).",
      },
    },
  },
  check: (args, report) => {
    requireAccountRoot(args);
    const wanted = new Set(args.getConfig<Config>().events ?? SECURITY_SIGNAL_IDS);
    const signals = SECURITY_SIGNALS.filter((s) => wanted.has(s.id));
    const watched = trailLogGroups(args.resources);
    if (watched.urns.size === 0 && watched.names.size === 0) {
      report(
        "no CloudTrail trail of the stack delivers to a CloudWatch log group (cloudWatchLogsGroupArn), so no metric filter can watch the account's API activity.",
      );
      return;
    }
    const alarms = ofType(args.resources, ALARM);
    const usable: { filter: PolicyResource; pattern: FilterExpression }[] = [];
    const unreadable: string[] = [];
    // A filter whose pattern or metric is unknown at preview may be the one that covers a signal:
    // its error is rethrown (cannot be verified) only if some signal is left uncovered.
    let unknown: { error: unknown } | undefined;
    try {
      forEachDeferred(ofType(args.resources, FILTER), (filter) => {
        if (!onWatchedGroup(filter, watched)) return;
        const transformations = arrayOf(filter.props.metricTransformation);
        const alarmed = transformations.some((t) =>
          alarms.some((a) => notifies(a) && a.props.metricName === t.name && a.props.namespace === t.namespace),
        );
        if (!alarmed) return;
        const text = filter.props.pattern as unknown;
        try {
          const pattern = parseFilterPattern(typeof text === "string" ? text : "");
          if (ROUTINE_EVENTS.some((event) => matchesFilterPattern(pattern, event))) return;
          usable.push({ filter, pattern });
        } catch (error) {
          if (!(error instanceof FilterPatternError)) throw error;
          unreadable.push(`${filter.name} (${error.message})`);
        }
      });
    } catch (error) {
      unknown = { error };
    }
    const missing = signals.filter((signal) => !signal.probes.every((probe) => usable.some((u) => matchesFilterPattern(u.pattern, probe))));
    if (missing.length === 0) return;
    if (unknown) throw unknown.error;
    const list = missing.map((s) => `${s.title} [${s.id}; ${s.cis}]`).join("; ");
    const unread =
      unreadable.length > 0
        ? ` phiguard could not read the patterns of ${unreadable.join("; ")}: parenthesise them, or waive this finding with a reason if they cover the events.`
        : "";
    report(
      `no alarmed metric filter on the trail's log group matches: ${list}. A filter counts when an alarm with alarmActions watches its metric (metricTransformation) and its pattern matches the event but not routine activity.${unread}`,
    );
  },
});
