/**
 * analytics-lake: passes the HIPAA pack, and the pack catches one deliberate misconfiguration per
 * control family (phiguard:testMisconfigure, see stacks/README.md).
 */
import { describe, expect, test } from "vitest";
import { checkStack, expectClean, expectConfigError, mandatoryRules, replicationRoleUnverifiable } from "./support";

const STACK = "analytics-lake";

describe("analytics-lake", () => {
  test("passes the pack: no violations, only the documented unverifiable advisories", async () => {
    const check = await checkStack(STACK);
    expectClean(check, replicationRoleUnverifiable("raw", "athena-results"));
    const byName = (name: string) => check.plan.resources.find((r) => r.name === name)!;
    expect(byName("curated-bucket").props.tags).toMatchObject({ "data-classification": "confidential" });
    expect(byName("raw-bucket").props.tags).toMatchObject({ "data-classification": "phi" });
    expect(byName("catalog-encryption").props).toMatchObject({
      dataCatalogEncryptionSettings: {
        encryptionAtRest: { catalogEncryptionMode: "SSE-KMS" },
        connectionPasswordEncryption: { returnConnectionPasswordEncrypted: true },
      },
    });
    expect(byName("analytics").props).toMatchObject({
      configuration: { enforceWorkgroupConfiguration: true, resultConfiguration: { encryptionConfiguration: { encryptionOption: "SSE_KMS" } } },
    });
  });

  test.each([
    ["encryption", ["cloudwatch-log-group-encrypted-with-kms"]],
    ["logging", ["s3-bucket-access-logging-enabled"]],
    ["network", ["security-group-no-public-admin-ingress", "security-group-public-ingress-only-authorized-ports"]],
    ["backup", ["s3-bucket-replication-enabled-for-phi"]],
    ["transport", ["s3-bucket-ssl-requests-only"]],
  ])("a %s misconfiguration is caught (%s)", async (family, rules) => {
    const check = await checkStack(STACK, { "phiguard:testMisconfigure": family });
    expect(mandatoryRules(check)).toEqual(rules);
  });

  test("invalid config names the key and the expected form", async () => {
    await expectConfigError(STACK, { "phiguard:curatedClassification": "phi" }, 'phiguard:curatedClassification: expected a non-PHI classification: "confidential" or "internal"');
    await expectConfigError(STACK, { "phiguard:deidentification": '{"sourceTable":"encounters","dropColumns":["full name"],"yearOnlyColumns":[],"zip3Columns":[]}' }, "phiguard:deidentification: expected {\"sourceTable\"");
    await expectConfigError(STACK, { "phiguard:regions": '["us-east-1","mars-north-1"]' }, "phiguard:regions: expected a list of 2 AWS regions");
  });
});
