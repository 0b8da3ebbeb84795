/** The EKS rules over one planned program (see eks-program.ts for the cases). */
import { beforeAll, describe, expect, it } from "vitest";
import type { Plan } from "../../../../../cli/plan";
import type { PhiguardPolicy } from "../../../../engine/rule";
import { Verdicts, planTestProgram, verdicts } from "../../kubernetes/tests/helpers";
import authenticationMode from "../eks-authentication-mode-api";
import creatorAdmin from "../eks-cluster-creator-admin-disabled";
import logGroup from "../eks-cluster-log-group-encrypted-retained";
import logging from "../eks-control-plane-logging-all-types";
import addons from "../eks-core-addons-managed";
import endpoint, { openCidrProblem } from "../eks-endpoint-private-access";
import launchTemplate from "../eks-node-group-hardened-launch-template";
import remoteAccess from "../eks-node-group-no-open-remote-access";
import privateSubnets from "../eks-node-group-private-subnets";
import envelope from "../eks-secrets-envelope-encryption";
import version, { minorVersion } from "../eks-supported-kubernetes-version";
import vpcCni from "../eks-vpc-cni-network-policy-enabled";
import { EKS_PROGRAM } from "./eks-program";

interface Expected {
  readonly rule: PhiguardPolicy;
  /** Resources the rule must pass (and, for a resource rule, must have checked). */
  readonly compliant: string[];
  readonly violations: string[];
  readonly unverifiable: string[];
}

const OK_CLUSTERS = ["ok-cluster", "ok-auto-named", "ok-public-restricted", "ok-log-never-expires"];
const OK_NODE_GROUPS = ["ok-node-group", "ok-named-template", "ok-ssh-from-bastion", "ok-existing-subnets"];

const EXPECTED: Expected[] = [
  {
    rule: envelope,
    compliant: OK_CLUSTERS,
    violations: ["bad-encryption-no-secrets", "bad-no-encryption"],
    unverifiable: ["unk-encryption"],
  },
  {
    rule: endpoint,
    compliant: OK_CLUSTERS,
    violations: ["bad-private-off", "bad-public-default", "bad-public-open"],
    unverifiable: ["unk-endpoint"],
  },
  { rule: logging, compliant: OK_CLUSTERS, violations: ["bad-some-logs"], unverifiable: ["unk-logging"] },
  {
    rule: logGroup,
    compliant: [...OK_CLUSTERS, "ok-cluster-logs", "ok-auto-named-logs", "ok-log-never-expires-logs"],
    violations: ["bad-auto-named-no-log-group", "bad-log-group-plain-logs", "bad-no-log-group"],
    unverifiable: ["unk-log-retention-logs"],
  },
  {
    rule: authenticationMode,
    compliant: OK_CLUSTERS,
    violations: ["bad-config-map-mode", "bad-no-auth-mode"],
    unverifiable: ["unk-auth"],
  },
  { rule: creatorAdmin, compliant: OK_CLUSTERS, violations: ["bad-creator-admin"], unverifiable: ["unk-creator"] },
  {
    rule: version,
    compliant: [...OK_CLUSTERS, ...OK_NODE_GROUPS],
    violations: ["bad-old-node-version", "bad-old-version"],
    unverifiable: ["unk-node-version", "unk-version"],
  },
  { rule: remoteAccess, compliant: OK_NODE_GROUPS, violations: ["bad-ssh-open"], unverifiable: ["unk-ssh-sources"] },
  {
    rule: privateSubnets,
    compliant: OK_NODE_GROUPS,
    violations: ["bad-igw-inline-route", "bad-igw-route-resource", "bad-public-ip-subnet"],
    unverifiable: ["unk-subnet"],
  },
  {
    rule: launchTemplate,
    compliant: [...OK_NODE_GROUPS, "hardened-lt", "named-lt"],
    violations: ["bad-external-launch-template", "bad-no-launch-template", "imdsv1-lt", "unencrypted-lt"],
    unverifiable: ["unk-lt"],
  },
  {
    rule: addons,
    compliant: [...OK_CLUSTERS, "unk-addons"],
    violations: ["bad-missing-addons"],
    unverifiable: ["unk-addon-name"],
  },
  {
    rule: vpcCni,
    compliant: ["ok-cluster-vpc-cni", "ok-cluster-coredns", "ok-auto-named-vpc-cni"],
    violations: ["bad-cni-no-netpol-vpc-cni"],
    unverifiable: ["unk-addon-name", "unk-cni-config"],
  },
];

let plan: Plan;
let v: Verdicts;

beforeAll(async () => {
  plan = await planTestProgram(EKS_PROGRAM);
  v = await verdicts(
    plan,
    EXPECTED.map((e) => e.rule),
  );
}, 60_000);

describe.each(EXPECTED)("$rule.name", ({ rule, compliant, violations, unverifiable }) => {
  it("passes compliant resources", () => {
    for (const name of compliant) {
      expect(v.findings(rule.name, name), name).toEqual([]);
      const resource = plan.resources.find((r) => r.name === name);
      if (resource && rule.resourceTypes?.includes(resource.type)) v.expectEvaluated(rule.name, name);
    }
  });

  it("flags exactly the resources that break it", () => {
    expect(v.violations(rule.name)).toEqual(violations);
    for (const f of v.result.findings.filter((x) => x.ruleId === rule.name && x.kind === "violation")) {
      expect(f.level).toBe(rule.enforcementLevel === "advisory" ? "advisory" : "mandatory");
    }
  });

  it("reports values unknown at preview as unverifiable, never as a pass", () => {
    expect(v.unverifiable(rule.name)).toEqual(unverifiable);
    for (const f of v.result.findings.filter((x) => x.ruleId === rule.name && x.kind === "unverifiable")) {
      expect(f.level).toBe("advisory");
    }
  });
});

describe("reading only what is needed", () => {
  it("accepts a KMS key and subnets that are outputs of other resources", () => {
    const ok = plan.resources.find((r) => r.name === "ok-cluster");
    expect(ok?.propertyDependencies.encryptionConfig).toEqual([plan.resources.find((r) => r.name === "envelope")?.urn]);
    expect(JSON.stringify(ok?.props.vpcConfig)).toContain('"unknown"');
    expect(v.findings(envelope.name, "ok-cluster")).toEqual([]);
    expect(v.findings(endpoint.name, "ok-cluster")).toEqual([]);
  });

  it("a stack rule keeps its other verdicts when one resource is unknown", () => {
    expect(v.violations(launchTemplate.name).length).toBeGreaterThan(0);
    expect(v.unverifiable(launchTemplate.name)).toEqual(["unk-lt"]);
  });

  it("gives no add-on verdict on a cluster with an add-on whose name is unknown", () => {
    expect(v.findings(addons.name, "unk-addons").filter((f) => f.kind === "violation")).toEqual([]);
  });
});

describe("messages", () => {
  it("say what is wrong and where", () => {
    expect(v.messages(logging.name, "bad-some-logs")[0]).toContain("lacks authenticator, controllerManager, scheduler");
    expect(v.messages(endpoint.name, "bad-public-default")[0]).toContain("defaults to 0.0.0.0/0");
    expect(v.messages(logGroup.name, "bad-no-log-group")[0]).toContain('"/aws/eks/bad-no-log-group/cluster"');
    expect(v.messages(logGroup.name, "bad-log-group-plain-logs")).toHaveLength(2);
    expect(v.messages(launchTemplate.name, "imdsv1-lt")).toHaveLength(3);
    expect(v.messages(privateSubnets.name, "bad-igw-route-resource")[0]).toContain(
      "subnet routed-resource, whose route table edge-rt sends the default route to an internet gateway",
    );
    expect(v.messages(addons.name, "bad-missing-addons")[0]).toContain("coredns, kube-proxy");
  });
});

describe("rule config", () => {
  it("eks-supported-kubernetes-version takes the supported list from config", async () => {
    const configured = await verdicts(plan, [version], {
      policyConfig: { [version.name]: { supportedVersions: ["1.26", "1.27", "1.32"] } },
    });
    expect(configured.violations(version.name)).toEqual([]);
  });

  it("eks-endpoint-private-access can require the public endpoint off", async () => {
    const configured = await verdicts(plan, [endpoint], {
      policyConfig: { [endpoint.name]: { allowRestrictedPublicAccess: false } },
    });
    expect(configured.violations(endpoint.name)).toEqual([
      "bad-private-off",
      "bad-public-default",
      "bad-public-open",
      "ok-public-restricted",
      "unk-endpoint",
    ]);
  });

  it("eks-authentication-mode-api can accept API_AND_CONFIG_MAP while migrating", async () => {
    const configured = await verdicts(plan, [authenticationMode], {
      policyConfig: { [authenticationMode.name]: { allowApiAndConfigMap: true } },
    });
    expect(configured.violations(authenticationMode.name)).toEqual(["bad-no-auth-mode"]);
  });

  it("eks-cluster-log-group-encrypted-retained takes the minimum retention from config", async () => {
    const configured = await verdicts(plan, [logGroup], { policyConfig: { [logGroup.name]: { minimumRetentionDays: 400 } } });
    expect(configured.violations(logGroup.name)).toContain("ok-cluster-logs");
  });

  it("eks-node-group-hardened-launch-template can allow a hop limit of 2", async () => {
    const configured = await verdicts(plan, [launchTemplate], {
      policyConfig: { [launchTemplate.name]: { maximumHopLimit: 2 } },
    });
    expect(configured.messages(launchTemplate.name, "imdsv1-lt")).toHaveLength(2);
  });

  it("eks-core-addons-managed takes the required add-ons from config", async () => {
    const configured = await verdicts(plan, [addons], { policyConfig: { [addons.name]: { requiredAddons: ["vpc-cni"] } } });
    expect(configured.violations(addons.name)).toEqual([]);
  });
});

describe("helpers", () => {
  it("minorVersion", () => {
    expect(minorVersion("1.31")).toBe("1.31");
    expect(minorVersion("1.31.2-eks-1234")).toBe("1.31");
    expect(minorVersion("v1.30")).toBe("1.30");
    expect(minorVersion("latest")).toBeUndefined();
  });

  it("openCidrProblem", () => {
    expect(openCidrProblem("203.0.113.0/24")).toBeUndefined();
    expect(openCidrProblem("0.0.0.0/0")).toContain("admits every address");
    expect(openCidrProblem("::/0")).toContain("admits every address");
    expect(openCidrProblem("not-a-cidr")).toContain("not a valid CIDR");
  });
});
