/**
 * fhir-platform: passes the HIPAA pack, and the pack catches one deliberate misconfiguration per
 * control family (phiguard:testMisconfigure, see stacks/README.md).
 */
import { describe, expect, test } from "vitest";
import { SECRET } from "../../cli/plan";
import { checkStack, expectClean, expectConfigError, mandatoryRules, replicationRoleUnverifiable } from "./support";

const STACK = "fhir-platform";

describe("fhir-platform", () => {
  test("passes the pack: no violations, only the documented unverifiable advisories", async () => {
    const check = await checkStack(STACK);
    expectClean(check, replicationRoleUnverifiable("attachments", "audit-archive"));
    const byName = (name: string) => check.plan.resources.find((r) => r.name === name)!;
    const deployment = byName("fhir-api-deployment").props as { spec: { template: { spec: { containers: { image: string }[] } } } };
    expect(deployment.spec.template.spec.containers[0]!.image).toBe(
      "123456789012.dkr.ecr.us-east-1.amazonaws.com/phiguard-fhir-platform-hapi-fhir@sha256:3a5e1f0c8b7d6e4f2a1c9b8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f",
    );
    expect(byName("fhir-api-ingress").props).toMatchObject({
      metadata: { annotations: { "alb.ingress.kubernetes.io/scheme": "internal", "alb.ingress.kubernetes.io/ssl-policy": "ELBSecurityPolicy-TLS13-1-2-2021-06" } },
    });
    expect(byName("fhir-global").type).toBe("aws:rds/globalCluster:GlobalCluster");
    expect(byName("fhir-us-west-2-cluster").props).toMatchObject({ region: "us-west-2" });
    const rules = (byName("fhir-waf").props as { rules: { name: string }[] }).rules.map((r) => r.name);
    expect(rules).toEqual(expect.arrayContaining(["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet", "AWSManagedRulesSQLiRuleSet"]));
    expect(byName("fhir-waf-logging").type).toBe("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration");
    // The master password is a secret in the plan, never its value.
    expect(byName("fhir-cluster").props.masterPassword).toEqual(SECRET);
  });

  test.each([
    ["encryption", ["cloudwatch-log-group-encrypted-with-kms"]],
    ["logging", ["wafv2-web-acl-logging-enabled"]],
    ["network", ["k8s-load-balancer-service-tls-or-internal"]],
    ["backup", ["backup-plan-copies-to-another-region"]],
    ["transport", ["rds-require-tls-connections"]],
  ])("a %s misconfiguration is caught (%s)", async (family, rules) => {
    const check = await checkStack(STACK, { "phiguard:testMisconfigure": family });
    expect(mandatoryRules(check)).toEqual(rules);
  });

  test("invalid config names the key and the expected form, and never echoes a secret", async () => {
    await expectConfigError(STACK, { "phiguard:fhirImageDigest": "latest" }, 'phiguard:fhirImageDigest: expected the digest of the HAPI FHIR image copied into the stack\'s ECR repository, like "sha256:<64 hex digits>"; got latest');
    await expectConfigError(STACK, { "phiguard:clusterAdmins": "[]" }, "phiguard:clusterAdmins: expected a list of IAM role ARNs with cluster-admin");
    await expectConfigError(STACK, { "phiguard:certificateArn": "arn:aws:iam::123456789012:server-certificate/fhir" }, "phiguard:certificateArn: expected the ACM certificate ARN");
    await expectConfigError(STACK, { "phiguard:dbMasterPassword": "short secret" }, "phiguard:dbMasterPassword: expected a secret of 16-128 characters");
    await expectConfigError(STACK, { "phiguard:dbMasterPassword": "short secret" }, "got a secret value that does not match (not shown)");
  });
});
