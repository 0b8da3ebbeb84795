/** The pure checks and NetworkPolicy builders of the cluster components. */
import { describe, expect, test } from "vitest";
import { allowRuleSpec, checkAllowRule, checkPeers, defaultDenySpec, peerSpec } from "./networkPolicy";
import { checkCidr, checkCpu, checkImage, checkMemory, checkRbacRules, parseImage, quantityValue, shortName } from "./validation";

const DIGEST = `sha256:${"ab".repeat(32)}`;
const W = "Test";

describe("images", () => {
  test("parseImage splits registry/path, tag and digest", () => {
    expect(parseImage(`reg.example.org:5000/team/app:1.2@${DIGEST}`)).toEqual({ name: "reg.example.org:5000/team/app", tag: "1.2", digest: DIGEST });
    expect(parseImage("nginx")).toEqual({ name: "nginx" });
  });

  test("a digest pins any image; a fixed tag needs an allowed registry", () => {
    expect(() => checkImage(W, `nginx@${DIGEST}`, [])).not.toThrow();
    expect(() => checkImage(W, `nginx:1.27@${DIGEST}`, [])).not.toThrow();
    expect(() => checkImage(W, "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.0.3", ["*.dkr.ecr.*.amazonaws.com"])).not.toThrow();
    expect(() => checkImage(W, "nginx:1.27", [])).toThrow(/neither pinned by digest nor from an allowed registry.*no allowedRegistries/);
    expect(() => checkImage(W, "evil.example.com/app:1.0", ["*.dkr.ecr.*.amazonaws.com"])).toThrow(/allowed registry \(\*\.dkr\.ecr\.\*\.amazonaws\.com\)/);
    expect(() => checkImage(W, "registry.example.org/app", ["registry.example.org"])).toThrow(/has no tag; expected a fixed version tag/);
    expect(() => checkImage(W, "nginx@sha256:abc", [])).toThrow(/digest "sha256:abc"; expected "sha256:" followed by 64/);
    expect(() => checkImage(W, " ", [])).toThrow(/image is empty/);
    // A wildcard matches within one path segment only, as in the pack's rule.
    expect(() => checkImage(W, "registry.example.org/a/b:1", ["registry.example.org/*"])).not.toThrow();
    expect(() => checkImage(W, "registry.example.org.evil.com/a:1", ["registry.example.org"])).toThrow();
  });
});

describe("quantities and CIDRs", () => {
  test("CPU and memory quantities", () => {
    expect(checkCpu(W, "cpu", "250m")).toBe("250m");
    expect(checkCpu(W, "cpu", "1.5")).toBe("1.5");
    expect(() => checkCpu(W, "cpu", "0")).toThrow(/cpu is "0"; expected a positive CPU quantity/);
    expect(() => checkCpu(W, "cpu", undefined)).toThrow(/cpu is not set/);
    expect(checkMemory(W, "memory", "512Mi")).toBe("512Mi");
    expect(() => checkMemory(W, "memory", "512MB")).toThrow(/expected a positive memory quantity/);
    expect(quantityValue("500m")).toBe(0.5);
    expect(quantityValue("1Gi")).toBe(2 ** 30);
    expect(quantityValue("1G")).toBe(1e9);
  });

  test("CIDRs: valid, and /0 only where allowed", () => {
    expect(() => checkCidr(W, "cidrs", "203.0.113.0/24", false)).not.toThrow();
    expect(() => checkCidr(W, "cidrs", "2001:db8::/32", false)).not.toThrow();
    expect(() => checkCidr(W, "cidrs", "0.0.0.0/0", false)).toThrow(/admits every address/);
    expect(() => checkCidr(W, "cidrs", "::/0", false)).toThrow(/admits every address/);
    expect(() => checkCidr(W, "cidrs", "0.0.0.0/0", true)).not.toThrow();
    expect(() => checkCidr(W, "cidrs", "10.0.0.300/8", true)).toThrow(/is not a CIDR/);
  });

  test("shortName keeps short names and hashes long ones", () => {
    expect(shortName("abc", 10)).toBe("abc");
    const long = shortName("a".repeat(120), 100);
    expect(long).toHaveLength(100);
    expect(long).toMatch(/^a+-[0-9a-f]{8}$/);
    expect(shortName("a".repeat(119) + "b", 100)).not.toBe(long);
  });
});

describe("RBAC rules", () => {
  test("exact rules pass; wildcards, escalating verbs and open Secret reads fail", () => {
    expect(() => checkRbacRules(W, [{ apiGroups: ["", "apps"], resources: ["pods", "pods/log", "deployments"], verbs: ["get", "list"] }])).not.toThrow();
    expect(() => checkRbacRules(W, [{ apiGroups: [""], resources: ["secrets"], verbs: ["get"], resourceNames: ["db"] }])).not.toThrow();
    expect(() => checkRbacRules(W, [{ apiGroups: ["*"], resources: ["pods"], verbs: ["get"] }])).toThrow(/apiGroups contains "\*"; wildcards are rejected/);
    expect(() => checkRbacRules(W, [{ apiGroups: [""], resources: ["pods/*"], verbs: ["get"] }])).toThrow(/resources contains "pods\/\*"/);
    expect(() => checkRbacRules(W, [{ apiGroups: [""], resources: ["pods"], verbs: ["impersonate" as never] }])).toThrow(/verbs contains "impersonate"/);
    expect(() => checkRbacRules(W, [{ apiGroups: [""], resources: ["secrets"], verbs: ["watch"] }])).toThrow(/grants watch on every Secret/);
    expect(() => checkRbacRules(W, [{ apiGroups: [""], resources: [], verbs: ["get"] }])).toThrow(/resources is \[\]; expected a non-empty list/);
    expect(() => checkRbacRules(W, [])).toThrow(/rules is empty/);
  });
});

describe("NetworkPolicy specs", () => {
  test("the default deny selects every pod and isolates both directions with no rule", () => {
    expect(defaultDenySpec()).toEqual({ podSelector: {}, policyTypes: ["Ingress", "Egress"] });
  });

  test("allow rules name their peers and ports", () => {
    expect(
      allowRuleSpec({ name: "db", direction: "egress", podLabels: { app: "api" }, peers: [{ cidr: "10.0.128.0/18", except: ["10.0.130.0/24"] }], ports: [{ port: 5432 }] }),
    ).toEqual({
      podSelector: { matchLabels: { app: "api" } },
      policyTypes: ["Egress"],
      egress: [{ to: [{ ipBlock: { cidr: "10.0.128.0/18", except: ["10.0.130.0/24"] } }], ports: [{ protocol: "TCP", port: 5432 }] }],
    });
    expect(peerSpec({ podLabels: { app: "web" } })).toEqual({ podSelector: { matchLabels: { app: "web" } } });
    expect(peerSpec({ namespace: "ops" })).toEqual({ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "ops" } } });
  });

  test("an allow never admits everything", () => {
    expect(() => checkPeers(W, "ingress", [], undefined)).toThrow(/expected at least one peer/);
    expect(() => checkPeers(W, "ingress", [{}], undefined)).toThrow(/peers\[0\] is empty/);
    expect(() => checkPeers(W, "ingress", [{ cidr: "0.0.0.0/0" }], [{ port: 443 }])).toThrow(/admits every address/);
    expect(() => checkPeers(W, "egress", [{ cidr: "0.0.0.0/0" }], [])).toThrow(/with no ports opens every port/);
    expect(() => checkPeers(W, "egress", [{ cidr: "0.0.0.0/0" }], [{ port: 443 }])).not.toThrow();
    expect(() => checkPeers(W, "egress", [{ cidr: "10.0.0.0/8", namespace: "x" }], [{ port: 443 }])).toThrow(/both cidr and namespace/);
    expect(() => checkAllowRule(W, { name: "Bad_Name", direction: "ingress", peers: [{ namespace: "x" }] })).toThrow(/is not a valid Kubernetes name/);
    expect(() => checkAllowRule(W, { name: "ok", direction: "ingress", peers: [{ namespace: "x" }], ports: [{ port: 70000 }] })).toThrow(/ports\[0\]\.port 70000/);
  });
});
