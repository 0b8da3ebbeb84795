/**
 * Namespace Pod Security labels, default-deny NetworkPolicy coverage, Ingress TLS and
 * LoadBalancer Services, over one planned program.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Plan } from "../../../../../cli/plan";
import type { PhiguardPolicy } from "../../../../engine/rule";
import ingressTls from "../k8s-ingress-tls";
import loadBalancer from "../k8s-load-balancer-service-tls-or-internal";
import defaultDeny, { isolatedDirections } from "../k8s-namespace-default-deny-network-policy";
import podSecurity from "../k8s-namespace-pod-security-restricted";
import { K8S_PRELUDE, planTestProgram, verdicts, type Verdicts } from "./helpers";

const PROGRAM =
  K8S_PRELUDE +
  `
const RESTRICTED = { "pod-security.kubernetes.io/enforce": "restricted" };
function workload(name: string, namespace: any, opts: any = {}) {
  return new k8s.core.v1.Pod(name, { metadata: namespace === undefined ? {} : { namespace }, spec: { containers: [{ name: "app", image: "app" }] } }, opts);
}
function policy(name: string, namespace: any, spec: any) {
  return new k8s.networking.v1.NetworkPolicy(name, { metadata: { namespace }, spec });
}
const DENY_ALL = { podSelector: {}, policyTypes: ["Ingress", "Egress"] };

// Namespaces.
new k8s.core.v1.Namespace("ok-restricted", { metadata: { name: "app", labels: RESTRICTED } });
new k8s.core.v1.Namespace("ok-kube-system-exempt", { metadata: { name: "kube-system" } });
const tenant = new k8s.core.v1.Namespace("ok-auto-named", { metadata: { labels: RESTRICTED } });
new k8s.core.v1.Namespace("bad-unlabelled", { metadata: { name: "legacy" } });
new k8s.core.v1.Namespace("bad-baseline", { metadata: { name: "tools", labels: { "pod-security.kubernetes.io/enforce": "baseline" } } });
new k8s.core.v1.Namespace("unk-labels", { metadata: { name: "later", labels: U(RESTRICTED) } });

// NetworkPolicy coverage: one workload per namespace.
policy("deny-app", "app", DENY_ALL);
workload("ok-covered", "app");
workload("ok-covered-via-provider", undefined, { provider: new k8s.Provider("app-provider", { namespace: "app" }) });
policy("deny-tenant", tenant.metadata.name, DENY_ALL);
workload("ok-covered-auto-named", tenant.metadata.name);
policy("deny-implied", "implied", { podSelector: {}, ingress: [], egress: [{ to: [{ namespaceSelector: {} }], ports: [{ port: 53, protocol: "UDP" }] }] });
workload("ok-implied-policy-types", "implied");
policy("deny-ingress-only", "ingress-only", { podSelector: {}, policyTypes: ["Ingress"] });
workload("bad-no-egress-deny", "ingress-only");
policy("deny-some-pods", "partial", { podSelector: { matchLabels: { app: "web" } }, policyTypes: ["Ingress", "Egress"] });
workload("bad-partial-selector", "partial");
policy("allow-all-ingress", "open", { podSelector: {}, policyTypes: ["Ingress", "Egress"], ingress: [{}] });
workload("bad-allow-all", "open");
workload("bad-no-policy", "bare");
workload("bad-default-namespace", undefined);
policy("unk-policy", "computed", { podSelector: U({}), policyTypes: ["Ingress", "Egress"] });
workload("computed-workload", "computed");

// Ingress.
function ingress(name: string, spec: any, annotations: any = {}) {
  return new k8s.networking.v1.Ingress(name, { metadata: { namespace: "app", annotations }, spec });
}
const backend = { service: { name: "web", port: { number: 443 } } };
const rule = (host: string) => ({ host, http: { paths: [{ path: "/", pathType: "Prefix", backend }] } });
ingress("ok-ingress-tls", { rules: [rule("app.example.com")], tls: [{ hosts: ["app.example.com"], secretName: "app-tls" }] });
ingress("ok-ingress-wildcard", { rules: [rule("api.example.com")], tls: [{ hosts: ["*.example.com"], secretName: "wild-tls" }] });
ingress("ok-ingress-alb", { ingressClassName: "alb", rules: [rule("app.example.com")] }, {
  "alb.ingress.kubernetes.io/certificate-arn": "arn:aws:acm:us-east-1:123456789012:certificate/abc",
  "alb.ingress.kubernetes.io/listen-ports": '[{"HTTPS":443}]',
});
ingress("bad-ingress-no-tls", { rules: [rule("app.example.com")] });
ingress("bad-ingress-host-missing", { rules: [rule("app.example.com"), rule("admin.example.com")], tls: [{ hosts: ["app.example.com"], secretName: "app-tls" }] });
ingress("bad-ingress-deep-wildcard", { rules: [rule("a.b.example.com")], tls: [{ hosts: ["*.example.com"], secretName: "wild-tls" }] });
ingress("bad-ingress-alb-http", { ingressClassName: "alb", rules: [rule("app.example.com")] }, {
  "alb.ingress.kubernetes.io/certificate-arn": "arn:aws:acm:us-east-1:123456789012:certificate/abc",
  "alb.ingress.kubernetes.io/listen-ports": '[{"HTTP":80},{"HTTPS":443}]',
});
ingress("unk-ingress", { rules: [rule("app.example.com")], tls: U([{ hosts: ["app.example.com"], secretName: "app-tls" }]) });

// Services.
function service(name: string, type: string, annotations: any, ports: number[] = [443]) {
  return new k8s.core.v1.Service(name, { metadata: { namespace: "app", annotations }, spec: { type, selector: { app: "web" }, ports: ports.map((port) => ({ name: "p" + port, port })) } });
}
const A = "service.beta.kubernetes.io/";
const CERT = "arn:aws:acm:us-east-1:123456789012:certificate/abc";
service("ok-lb-internal", "LoadBalancer", { [A + "aws-load-balancer-scheme"]: "internal" });
service("ok-lb-legacy-internal", "LoadBalancer", { [A + "aws-load-balancer-internal"]: "true" });
service("ok-lb-tls", "LoadBalancer", { [A + "aws-load-balancer-ssl-cert"]: CERT, [A + "aws-load-balancer-ssl-ports"]: "443" });
service("ok-lb-tls-all-ports", "LoadBalancer", { [A + "aws-load-balancer-ssl-cert"]: CERT }, [443, 8443]);
service("ok-cluster-ip", "ClusterIP", {}, [80]);
service("bad-lb-public", "LoadBalancer", {});
service("bad-lb-partial-tls", "LoadBalancer", { [A + "aws-load-balancer-ssl-cert"]: CERT, [A + "aws-load-balancer-ssl-ports"]: "443" }, [443, 80]);
service("unk-lb", "LoadBalancer", U({ [A + "aws-load-balancer-scheme"]: "internal" }));
`;

interface Expected {
  readonly rule: PhiguardPolicy;
  readonly compliant: string[];
  readonly violations: string[];
  readonly unverifiable: string[];
}

const EXPECTED: Expected[] = [
  {
    rule: podSecurity,
    compliant: ["ok-restricted", "ok-kube-system-exempt", "ok-auto-named"],
    violations: ["bad-baseline", "bad-unlabelled"],
    unverifiable: ["unk-labels"],
  },
  {
    rule: defaultDeny,
    compliant: ["ok-covered", "ok-covered-via-provider", "ok-covered-auto-named", "ok-implied-policy-types", "computed-workload"],
    violations: ["bad-allow-all", "bad-default-namespace", "bad-no-egress-deny", "bad-no-policy", "bad-partial-selector"],
    unverifiable: ["unk-policy"],
  },
  {
    rule: ingressTls,
    compliant: ["ok-ingress-tls", "ok-ingress-wildcard", "ok-ingress-alb"],
    violations: ["bad-ingress-alb-http", "bad-ingress-deep-wildcard", "bad-ingress-host-missing", "bad-ingress-no-tls"],
    unverifiable: ["unk-ingress"],
  },
  {
    rule: loadBalancer,
    compliant: ["ok-lb-internal", "ok-lb-legacy-internal", "ok-lb-tls", "ok-lb-tls-all-ports", "ok-cluster-ip"],
    violations: ["bad-lb-partial-tls", "bad-lb-public"],
    unverifiable: ["unk-lb"],
  },
];

let plan: Plan;
let v: Verdicts;

beforeAll(async () => {
  plan = await planTestProgram(PROGRAM);
  v = await verdicts(
    plan,
    EXPECTED.map((e) => e.rule),
  );
}, 60_000);

describe.each(EXPECTED)("$rule.name", ({ rule, compliant, violations, unverifiable }) => {
  it("passes compliant resources", () => {
    for (const name of compliant) expect(v.findings(rule.name, name), name).toEqual([]);
    if (rule.resourceTypes && "validateResource" in rule) {
      for (const name of compliant) v.expectEvaluated(rule.name, name);
    }
  });

  it("flags exactly the resources that break it", () => {
    expect(v.violations(rule.name)).toEqual(violations);
  });

  it("reports values unknown at preview as unverifiable", () => {
    expect(v.unverifiable(rule.name)).toEqual(unverifiable);
    for (const f of v.result.findings.filter((x) => x.ruleId === rule.name && x.kind === "unverifiable")) {
      expect(f.level).toBe("advisory");
    }
  });
});

describe("k8s-namespace-default-deny-network-policy", () => {
  it("names the namespace and the missing direction", () => {
    expect(v.messages(defaultDeny.name, "bad-no-egress-deny")[0]).toContain(
      'namespace "ingress-only" has no NetworkPolicy that denies all egress traffic by default',
    );
    expect(v.messages(defaultDeny.name, "bad-default-namespace")[0]).toContain('namespace "default"');
  });

  it("joins an auto-named namespace through the workloads' and policies' dependencies", () => {
    const urn = plan.resources.find((r) => r.name === "ok-covered-auto-named")?.urn as string;
    expect(plan.resources.find((r) => r.urn === urn)?.propertyDependencies.metadata).toEqual([
      plan.resources.find((r) => r.name === "ok-auto-named")?.urn,
    ]);
    expect(v.findings(defaultDeny.name, "ok-covered-auto-named")).toEqual([]);
  });

  it("gives no verdict on a namespace whose policy is unknown, but still on the others", () => {
    expect(v.findings(defaultDeny.name, "computed-workload")).toEqual([]);
    expect(v.violations(defaultDeny.name).length).toBeGreaterThan(0);
  });

  it("can accept ingress-only isolation", async () => {
    const configured = await verdicts(plan, [defaultDeny], { policyConfig: { [defaultDeny.name]: { requireEgress: false } } });
    expect(configured.violations(defaultDeny.name)).toEqual(["bad-allow-all", "bad-default-namespace", "bad-no-policy", "bad-partial-selector"]);
  });

  it("derives isolated directions like the API server", () => {
    expect(isolatedDirections({ podSelector: {} })).toEqual(["Ingress"]);
    expect(isolatedDirections({ podSelector: {}, egress: [] })).toEqual(["Ingress", "Egress"]);
    expect(isolatedDirections({ podSelector: { matchExpressions: [{ key: "a", operator: "Exists" }] } })).toEqual([]);
    expect(isolatedDirections({ podSelector: {}, policyTypes: ["Egress"], egress: [{}] })).toEqual([]);
  });
});

describe("k8s-load-balancer-service-tls-or-internal", () => {
  it("can require TLS on internal load balancers too", async () => {
    const configured = await verdicts(plan, [loadBalancer], {
      policyConfig: { [loadBalancer.name]: { requireTlsForInternal: true } },
    });
    expect(configured.violations(loadBalancer.name)).toEqual([
      "bad-lb-partial-tls",
      "bad-lb-public",
      "ok-lb-internal",
      "ok-lb-legacy-internal",
    ]);
    expect(configured.messages(loadBalancer.name, "bad-lb-partial-tls")[0]).toContain("port(s) p80 without TLS");
  });
});

describe("k8s-ingress-tls", () => {
  it("names the uncovered host", () => {
    expect(v.messages(ingressTls.name, "bad-ingress-host-missing")).toEqual([
      expect.stringContaining('spec.rules[1] host "admin.example.com" is not listed in any spec.tls[].hosts.'),
    ]);
  });
});
