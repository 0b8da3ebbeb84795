/**
 * remote-monitoring: passes the HIPAA pack, and the pack catches one deliberate misconfiguration
 * per control family (phiguard:testMisconfigure, see stacks/README.md).
 */
import { describe, expect, test } from "vitest";
import { checkStack, expectClean, expectConfigError, mandatoryRules } from "./support";

const STACK = "remote-monitoring";

describe("remote-monitoring", () => {
  test("passes the pack with no findings at all; each lane has its own capped consumer", async () => {
    const check = await checkStack(STACK);
    expectClean(check, []);
    const byName = (name: string) => check.plan.resources.find((r) => r.name === name)!;
    for (const [lane, cap] of [["critical", 50], ["standard", 20], ["batch", 5]] as const) {
      expect(byName(`consumer-${lane}-function`).props).toMatchObject({ reservedConcurrentExecutions: cap });
      expect(byName(`consumer-${lane}-source`).props).toMatchObject({ scalingConfig: { maximumConcurrency: cap } });
      expect(byName(`vitals-${lane}-queue`).props.redrivePolicy).toBeDefined();
    }
    const table = byName("readings-table").props as { replicas: { regionName: string }[] };
    expect(table.replicas.map((r) => r.regionName)).toEqual(["us-west-2"]);
    expect(byName("care-team-alerts").props.kmsMasterKeyId).toBeDefined();
  });

  test.each([
    ["encryption", ["sns-topic-encrypted-with-kms"]],
    ["logging", ["cloudwatch-log-group-retention-at-least-365-days"]],
    ["network", ["lambda-function-in-vpc"]],
    ["backup", ["dynamodb-point-in-time-recovery-enabled"]],
    ["transport", ["sqs-queue-policy-requires-tls"]],
  ])("a %s misconfiguration is caught (%s)", async (family, rules) => {
    const check = await checkStack(STACK, { "phiguard:testMisconfigure": family });
    expect(mandatoryRules(check)).toEqual(rules);
  });

  test("invalid config names the key and the expected form", async () => {
    await expectConfigError(STACK, { "phiguard:laneConcurrency": '{"critical":1,"standard":20,"batch":5}' }, 'phiguard:laneConcurrency: expected {"critical":n,"standard":n,"batch":n} with whole numbers from 2 to 1000');
    await expectConfigError(
      STACK,
      { "phiguard:alertSubscriptions": '[{"protocol":"email","endpoint":"nurse@example.org"}]' },
      'phiguard:alertSubscriptions: expected a list of {"protocol":"https"|"sqs"|"lambda","endpoint":"..."} (no http, email or sms: alerts carry PHI)',
    );
    await expectConfigError(STACK, { "phiguard:alertThresholds": '{"spo2":[100,90]}' }, "phiguard:alertThresholds: expected a map of metric name to [low, high]");
    await expectConfigError(STACK, { "phiguard:testMisconfigure": "everything" }, "phiguard:testMisconfigure: expected one of encryption, logging, network, backup, transport");
  });
});
