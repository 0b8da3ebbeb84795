import { beforeAll, describe, expect, it } from "vitest";
import { planTestProgram } from "../../test/support/plan";
import { ACCOUNT, CONFIG, OWNER, PREAMBLE, PRIMARY_KEY_URN, REPLICA_KEY_URN } from "../account/fixtures/programs";
import { constructionErrors, PlanView } from "../storage/fixtures/plan-helpers";
import { SECURITY_EVENTS } from "./securityEvents";

const UNKNOWN = { "@phiguard": "unknown" };

async function plan(body: string, preamble = PREAMBLE): Promise<PlanView> {
  return new PlanView(await planTestProgram(preamble + body, { config: CONFIG }));
}

describe("SecurityMonitoring (planned; trail in us-east-1, a cluster in each of two regions)", () => {
  let view: PlanView;
  const urn = (name: string) => view.urn(name);

  beforeAll(async () => {
    view = await plan(`
const trail = new AuditTrail("audit", { key });
new SecurityMonitoring("security", {
  trail,
  key,
  subscriptions: [
    { protocol: "email", endpoint: "security@example.org" },
    { protocol: "https", endpoint: "https://alerts.example.org/aws" },
  ],
  containerInsights: { clusters: ["clinical", { name: "imaging", region: "us-west-2" }] },
});
`);
  });

  it("is one component with the documented children", () => {
    expect(view.get("security").type).toBe("phiguard:monitoring:SecurityMonitoring");
    const insights = (c: string) => [
      `security-insights-${c}`,
      `security-insights-${c}-application-logs`,
      `security-insights-${c}-dataplane-logs`,
      `security-insights-${c}-host-logs`,
      `security-insights-${c}-performance-logs`,
      `security-insights-${c}-role`,
      `security-insights-${c}-role-policy`,
    ];
    expect(view.childNames("security")).toEqual(
      [
        "security-topic",
        "security-topic-policy",
        "security-subscription-0",
        "security-subscription-1",
        ...SECURITY_EVENTS.flatMap((e) => [`security-${e.id}-filter`, `security-${e.id}-alarm`]),
        ...insights("clinical"),
        ...insights("imaging"),
      ].sort(),
    );
  });

  it("notifies through a topic encrypted with the CMK, which only this account's CloudWatch alarms may publish to, over TLS", () => {
    expect(view.props("security-topic")).toEqual({
      region: "us-east-1",
      name: "test-test-security-security-alarms",
      displayName: "phiguard security alarms",
      kmsMasterKeyId: UNKNOWN,
      tags: {
        "data-classification": "phi",
        owner: OWNER,
        environment: "test",
        "managed-by": "phiguard",
        "phiguard:component": "phiguard:monitoring:SecurityMonitoring",
      },
    });
    expect(view.deps("security-topic", "kmsMasterKeyId")).toEqual([PRIMARY_KEY_URN]);
    const topicArn = `arn:aws:sns:us-east-1:${ACCOUNT}:test-test-security-security-alarms`;
    expect(view.deps("security-topic-policy", "arn")).toEqual([urn("security-topic")]);
    expect(view.policy("security-topic-policy").Statement).toEqual([
      {
        Sid: "CloudWatchAlarmsPublish",
        Effect: "Allow",
        Principal: { Service: "cloudwatch.amazonaws.com" },
        Action: "sns:Publish",
        Resource: topicArn,
        Condition: {
          ArnLike: { "aws:SourceArn": `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:*` },
          StringEquals: { "aws:SourceAccount": ACCOUNT },
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
    ]);
    expect(view.props("security-subscription-0")).toEqual({ region: "us-east-1", topic: UNKNOWN, protocol: "email", endpoint: "security@example.org" });
    expect(view.props("security-subscription-1")).toEqual({
      region: "us-east-1",
      topic: UNKNOWN,
      protocol: "https",
      endpoint: "https://alerts.example.org/aws",
      endpointAutoConfirms: false,
    });
    for (const s of ["security-subscription-0", "security-subscription-1"]) expect(view.deps(s, "topic")).toEqual([urn("security-topic")]);
  });

  it("has a metric filter on the trail's log group and an alarm with alarm, OK and insufficient-data actions per CIS event", () => {
    expect(SECURITY_EVENTS).toHaveLength(15);
    for (const event of SECURITY_EVENTS) {
      const filter = `security-${event.id}-filter`;
      const alarm = `security-${event.id}-alarm`;
      expect(view.props(filter)).toEqual({
        region: "us-east-1",
        name: `phiguard-${event.id}`,
        logGroupName: "/aws/cloudtrail/test-test-audit",
        pattern: event.pattern,
        metricTransformation: { name: event.metricName, namespace: "phiguard/test-test-security", value: "1" },
      });
      expect(view.deps(filter, "logGroupName")).toEqual([urn("audit-log-group")]);
      expect(view.props(alarm)).toMatchObject({
        region: "us-east-1",
        name: `test-test-security-${event.id}`,
        namespace: "phiguard/test-test-security",
        metricName: event.metricName,
        statistic: "Sum",
        period: 300,
        evaluationPeriods: 1,
        datapointsToAlarm: 1,
        threshold: 1,
        comparisonOperator: "GreaterThanOrEqualToThreshold",
        treatMissingData: "notBreaching",
        actionsEnabled: true,
        alarmActions: [UNKNOWN],
        okActions: [UNKNOWN],
        insufficientDataActions: [UNKNOWN],
      });
      expect(view.props(alarm).alarmDescription).toContain(event.meaning.slice(0, 40));
      expect(view.props(alarm).alarmDescription).toContain(event.cis);
      for (const actions of ["alarmActions", "okActions", "insufficientDataActions"]) expect(view.deps(alarm, actions)).toEqual([urn("security-topic")]);
      expect(view.get(alarm).dependencies).toEqual(expect.arrayContaining([urn(filter), urn("security-topic-policy")]));
    }
  });

  it("enables Container Insights on each cluster in its region: the add-on, a Pod Identity role and encrypted log groups made first", () => {
    for (const [cluster, region, keyUrn] of [
      ["clinical", "us-east-1", PRIMARY_KEY_URN],
      ["imaging", "us-west-2", REPLICA_KEY_URN],
    ] as const) {
      const base = `security-insights-${cluster}`;
      expect(view.props(base)).toMatchObject({
        region,
        clusterName: cluster,
        addonName: "amazon-cloudwatch-observability",
        resolveConflictsOnCreate: "OVERWRITE",
        resolveConflictsOnUpdate: "OVERWRITE",
        podIdentityAssociations: [{ roleArn: UNKNOWN, serviceAccount: "cloudwatch-agent" }],
      });
      expect(view.props(base).addonVersion).toBeUndefined();
      expect(view.deps(base, "podIdentityAssociations")).toEqual([urn(`${base}-role`)]);
      for (const type of ["application", "dataplane", "host", "performance"]) {
        const group = `${base}-${type}-logs`;
        expect(view.props(group)).toMatchObject({
          region,
          name: `/aws/containerinsights/${cluster}/${type}`,
          retentionInDays: 365,
          logGroupClass: "STANDARD",
          deletionProtectionEnabled: true,
        });
        expect(view.deps(group, "kmsKeyId")).toEqual([keyUrn]);
        expect(view.get(base).dependencies).toContain(urn(group));
      }
      expect(view.policy(`${base}-role`, "assumeRolePolicy").Statement).toEqual([
        {
          Sid: "EksPodIdentity",
          Effect: "Allow",
          Principal: { Service: "pods.eks.amazonaws.com" },
          Action: ["sts:AssumeRole", "sts:TagSession"],
          Condition: {
            StringEquals: {
              "aws:RequestTag/eks-cluster-name": cluster,
              "aws:RequestTag/kubernetes-namespace": "amazon-cloudwatch",
              "aws:RequestTag/kubernetes-service-account": "cloudwatch-agent",
            },
          },
        },
      ]);
      expect(view.props(`${base}-role-policy`).policyArn).toBe("arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy");
      expect(view.get(base).dependencies).toContain(urn(`${base}-role-policy`));
    }
  });
});

describe("SecurityMonitoring options", () => {
  it("follows a trail in another region, with chosen events, thresholds, period, namespace and no Pod Identity", async () => {
    const view = await plan(`
const trail = new AuditTrail("audit", { key, region: "us-west-2" });
new SecurityMonitoring("watch", {
  trail,
  key,
  subscriptions: [{ protocol: "email", endpoint: "soc@example.org" }],
  events: ["root-account-usage", "unauthorized-api-calls"],
  thresholds: { "unauthorized-api-calls": 5 },
  periodSeconds: 900,
  metricNamespace: "CISBenchmark",
  topicName: "soc-alarms",
  containerInsights: { clusters: [{ name: "west", region: "us-west-2" }], podIdentity: false, logRetentionDays: 731, addonVersion: "v4.1.0-eksbuild.1" },
});
`);
    expect(view.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").map((r) => r.name).sort()).toEqual(["watch-root-account-usage-alarm", "watch-unauthorized-api-calls-alarm"]);
    expect(view.props("watch-topic")).toMatchObject({ region: "us-west-2", name: "soc-alarms" });
    expect(view.deps("watch-topic", "kmsMasterKeyId")).toEqual([REPLICA_KEY_URN]);
    expect(view.policy("watch-topic-policy").Statement[0].Condition.ArnLike).toEqual({ "aws:SourceArn": `arn:aws:cloudwatch:us-west-2:${ACCOUNT}:alarm:*` });
    expect(view.props("watch-unauthorized-api-calls-filter")).toMatchObject({ region: "us-west-2", logGroupName: "/aws/cloudtrail/test-test-audit" });
    expect(view.props("watch-unauthorized-api-calls-alarm")).toMatchObject({ region: "us-west-2", threshold: 5, period: 900, namespace: "CISBenchmark" });
    expect(view.props("watch-root-account-usage-alarm").threshold).toBe(1);
    expect(view.has("watch-insights-west-role")).toBe(false);
    expect(view.props("watch-insights-west").podIdentityAssociations).toBeUndefined();
    expect(view.props("watch-insights-west").addonVersion).toBe("v4.1.0-eksbuild.1");
    expect(view.props("watch-insights-west-host-logs").retentionInDays).toBe(731);
  });

  it("fails at construction on invalid args, saying what was given and what is expected", async () => {
    const make = (extra: string) => `new SecurityMonitoring("m", { trail, key, subscriptions: [{ protocol: "email", endpoint: "soc@example.org" }], ${extra} } as any)`;
    const errors = await constructionErrors(
      [
        `new SecurityMonitoring("a", { trail, key, subscriptions: [] })`,
        `new SecurityMonitoring("b", { trail, key, subscriptions: [{ protocol: "email", endpoint: "not-an-address" }] })`,
        `new SecurityMonitoring("c", { trail, key, subscriptions: [{ protocol: "https", endpoint: "http://alerts.example.org" }] })`,
        `new SecurityMonitoring("d", { trail, key, subscriptions: [{ protocol: "sms", endpoint: "+15555550100" }] } as any)`,
        make(`events: ["root-login"]`),
        make(`thresholds: { "root-account-usage": 0 }`),
        make(`periodSeconds: 90`),
        make(`containerInsights: { clusters: [{ name: "x", region: "eu-west-1" }] }`),
        make(`containerInsights: { clusters: ["x"], logRetentionDays: 400000 }`),
        make(`containerInsights: { clusters: ["x", "x"] }`),
        make(`metricNamespace: "AWS/Logs"`),
        `new SecurityMonitoring("n", { key, subscriptions: [{ protocol: "email", endpoint: "soc@example.org" }] } as any)`,
      ],
      `${PREAMBLE}\nconst trail = new AuditTrail("audit", { key });\n`,
    );
    expect(errors).toEqual([
      expect.stringMatching(/^SecurityMonitoring "a": no subscriptions given; expected at least one/),
      expect.stringMatching(/^SecurityMonitoring "b": subscriptions\[0\] endpoint "not-an-address" is not an e-mail address/),
      expect.stringMatching(/^SecurityMonitoring "c": subscriptions\[0\] endpoint "http:\/\/alerts\.example\.org" is not an https:\/\/ URL/),
      expect.stringMatching(/^SecurityMonitoring "d": subscriptions\[0\] protocol "sms" is not supported; expected "email" or "https"/),
      expect.stringMatching(/^SecurityMonitoring "m": unknown security event "root-login"; expected one of unauthorized-api-calls, /),
      expect.stringMatching(/^SecurityMonitoring "m": thresholds\["root-account-usage"\] 0 is out of range/),
      expect.stringMatching(/^SecurityMonitoring "m": periodSeconds 90 is invalid; expected a multiple of 60/),
      expect.stringMatching(/^SecurityMonitoring "m": containerInsights cluster "x" region "eu-west-1" has no key/),
      expect.stringMatching(/^SecurityMonitoring "m": containerInsights\.logRetentionDays 400000 is not a retention CloudWatch Logs accepts/),
      expect.stringMatching(/^SecurityMonitoring "m": containerInsights lists cluster "x" twice/),
      expect.stringMatching(/^SecurityMonitoring "m": metricNamespace "AWS\/Logs" is invalid/),
      expect.stringMatching(/^SecurityMonitoring "n": no trail given; expected `trail`/),
    ]);
  });

  it("fails the program when the key does not let CloudWatch publish to the encrypted topic", async () => {
    const source =
      PREAMBLE.replace("S3_ACCESS_LOG_KEY_ACCESS, CLOUDWATCH_ALARMS_KEY_ACCESS]", "S3_ACCESS_LOG_KEY_ACCESS]") +
      `const trail = new AuditTrail("audit", { key });
new SecurityMonitoring("m", { trail, key, subscriptions: [{ protocol: "email", endpoint: "soc@example.org" }] });`;
    await expect(planTestProgram(source, { config: CONFIG })).rejects.toThrow(
      /SecurityMonitoring "m": the EnvelopeKey's policy in us-east-1 does not let cloudwatch\.amazonaws\.com use the key .*servicePrincipals: \[CLOUDWATCH_ALARMS_KEY_ACCESS\]/,
    );
  });

  it("refuses Container Insights with a key that does not allow CloudWatch Logs", async () => {
    const errors = await constructionErrors(
      [
        `new SecurityMonitoring("m", { trail: { region: "us-east-1" } as any, key: logless, subscriptions: [{ protocol: "email", endpoint: "soc@example.org" }], containerInsights: { clusters: ["x"] } })`,
      ],
      `${PREAMBLE}\nconst logless = new EnvelopeKey("logless", { servicePrincipals: [CLOUDWATCH_ALARMS_KEY_ACCESS] });\n`,
    );
    expect(errors).toEqual([expect.stringMatching(/^SecurityMonitoring "m": the EnvelopeKey does not allow CloudWatch Logs/)]);
  });
});
