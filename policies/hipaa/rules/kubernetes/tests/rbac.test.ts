/** The RBAC rules and the service-account/binding half of k8s-default-service-account-not-used. */
import { beforeAll, describe, expect, it } from "vitest";
import type { PhiguardPolicy } from "../../../../engine/rule";
import defaultServiceAccount from "../k8s-default-service-account-not-used";
import limitSecrets from "../k8s-rbac-limit-secret-access";
import noEscalation from "../k8s-rbac-no-bind-escalate-impersonate";
import noClusterAdmin from "../k8s-rbac-no-cluster-admin-binding";
import noWildcards from "../k8s-rbac-no-wildcards";
import { K8S_PRELUDE, planTestProgram, verdicts, type Verdicts } from "./helpers";

const PROGRAM =
  K8S_PRELUDE +
  `
const META = { namespace: "app" };
const READ_PODS = { apiGroups: [""], resources: ["pods"], verbs: ["get", "list", "watch"] };
function role(name: string, rules: any[]) { return new k8s.rbac.v1.Role(name, { metadata: META, rules }); }
function clusterRole(name: string, rules: any) { return new k8s.rbac.v1.ClusterRole(name, { rules }); }
function binding(name: string, roleRef: any, subjects: any[]) { return new k8s.rbac.v1.RoleBinding(name, { metadata: META, roleRef, subjects }); }
const SA = (name: string) => ({ kind: "ServiceAccount", name, namespace: "app" });

role("ok-read-pods", [READ_PODS]);
clusterRole("ok-named-secret", [{ apiGroups: [""], resources: ["secrets"], resourceNames: ["app-tls"], verbs: ["get"] }]);
role("ok-other-group-secrets", [{ apiGroups: ["external-secrets.io"], resources: ["secrets"], verbs: ["get"] }]);
role("bad-wildcard-verbs", [{ apiGroups: ["apps"], resources: ["deployments"], verbs: ["*"] }]);
clusterRole("bad-wildcard-everything", [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }]);
role("bad-bind", [{ apiGroups: ["rbac.authorization.k8s.io"], resources: ["rolebindings", "roles"], verbs: ["create", "bind"] }]);
clusterRole("bad-impersonate", [READ_PODS, { apiGroups: [""], resources: ["users", "groups", "serviceaccounts"], verbs: ["impersonate"] }]);
clusterRole("bad-escalate", [{ apiGroups: ["rbac.authorization.k8s.io"], resources: ["clusterroles"], verbs: ["escalate"] }]);
role("bad-list-secrets", [{ apiGroups: [""], resources: ["secrets"], verbs: ["list", "watch"] }]);
new k8s.rbac.v1.RolePatch("bad-patch-wildcard", { metadata: { name: "legacy", namespace: "app" }, rules: [{ apiGroups: [""], resources: ["*"], verbs: ["get"] }] });
role("unk-rules", [{ apiGroups: [""], resources: ["pods"], verbs: U(["get"]) }]);

binding("ok-binding", { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "reader" }, [SA("app")]);
new k8s.rbac.v1.ClusterRoleBinding("bad-cluster-admin", { roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" }, subjects: [{ kind: "Group", name: "ops", apiGroup: "rbac.authorization.k8s.io" }] });
binding("bad-default-sa-binding", { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "reader" }, [SA("default")]);
binding("unk-binding", U({ apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "view" }), [U(SA("app"))]);

new k8s.core.v1.ServiceAccount("ok-app-account", { metadata: { name: "app", namespace: "app" } });
new k8s.core.v1.ServiceAccount("ok-default-account-disabled", { metadata: { name: "default", namespace: "app" }, automountServiceAccountToken: false });
new k8s.core.v1.ServiceAccount("bad-default-account", { metadata: { name: "default", namespace: "app" } });
new k8s.core.v1.ServiceAccount("unk-default-account", { metadata: { name: "default", namespace: "app" }, automountServiceAccountToken: U(false) });
`;

interface Expected {
  readonly rule: PhiguardPolicy;
  readonly compliant: string[];
  readonly violations: string[];
  readonly unverifiable: string[];
}

const ROLES_OK = ["ok-read-pods", "ok-named-secret", "ok-other-group-secrets"];

const EXPECTED: Expected[] = [
  {
    rule: noWildcards,
    compliant: ROLES_OK,
    violations: ["bad-patch-wildcard", "bad-wildcard-everything", "bad-wildcard-verbs"],
    unverifiable: ["unk-rules"],
  },
  {
    rule: noEscalation,
    compliant: ROLES_OK,
    violations: ["bad-bind", "bad-escalate", "bad-impersonate"],
    unverifiable: ["unk-rules"],
  },
  {
    rule: limitSecrets,
    compliant: ROLES_OK,
    violations: ["bad-list-secrets", "bad-patch-wildcard", "bad-wildcard-everything"],
    unverifiable: ["unk-rules"],
  },
  {
    rule: noClusterAdmin,
    compliant: ["ok-binding", "bad-default-sa-binding"],
    violations: ["bad-cluster-admin"],
    unverifiable: ["unk-binding"],
  },
  {
    rule: defaultServiceAccount,
    compliant: ["ok-app-account", "ok-default-account-disabled", "ok-binding"],
    violations: ["bad-default-account", "bad-default-sa-binding"],
    unverifiable: ["unk-binding", "unk-default-account"],
  },
];

let v: Verdicts;

beforeAll(async () => {
  v = await verdicts(
    await planTestProgram(PROGRAM),
    EXPECTED.map((e) => e.rule),
  );
}, 60_000);

describe.each(EXPECTED)("$rule.name", ({ rule, compliant, violations, unverifiable }) => {
  it("passes compliant resources", () => {
    for (const name of compliant) {
      expect(v.findings(rule.name, name), name).toEqual([]);
      v.expectEvaluated(rule.name, name);
    }
  });

  it("flags exactly the resources that break it", () => {
    expect(v.violations(rule.name)).toEqual(violations);
  });

  it("reports values unknown at preview as unverifiable", () => {
    expect(v.unverifiable(rule.name)).toEqual(unverifiable);
  });
});

describe("messages", () => {
  it("name the rule index and what it grants", () => {
    expect(v.messages(noWildcards.name, "bad-wildcard-everything")[0]).toContain(
      'ClusterRole rules[0] uses "*" in verbs, resources, apiGroups.',
    );
    expect(v.messages(noEscalation.name, "bad-impersonate")[0]).toContain(
      "ClusterRole rules[1] grants impersonate on users, groups, serviceaccounts.",
    );
    expect(v.messages(noClusterAdmin.name, "bad-cluster-admin")[0]).toContain("grants cluster-admin to Group ops");
    expect(v.messages(defaultServiceAccount.name, "bad-default-sa-binding")[0]).toContain(
      'subjects[0] binds the "default" service account in namespace "app"',
    );
  });
});
