/**
 * `WorkloadBaseline`: namespaces ready for PHI workloads on a `SecureCluster`.
 *
 * Children per namespace `<ns>` (names are a public contract; `<name>` is the component's name):
 *
 * | name                                | Kubernetes object                                           |
 * |-------------------------------------|-------------------------------------------------------------|
 * | `<name>-<ns>`                       | Namespace `<ns>`, Pod Security `restricted` (enforce, audit, warn) |
 * | `<name>-<ns>-default-sa`            | ServiceAccountPatch of `default`: automountServiceAccountToken false |
 * | `<name>-<ns>-default-deny`          | NetworkPolicy `default-deny` (all pods, ingress and egress)  |
 * | `<name>-<ns>-allow-dns`             | NetworkPolicy `allow-dns` (egress to kube-system CoreDNS, 53) |
 * | `<name>-<ns>-allow-pod-identity-agent` | NetworkPolicy `allow-pod-identity-agent` (egress to 169.254.170.23:80) |
 * | `<name>-<ns>-allow-<rule>`          | NetworkPolicy `allow-<rule>` per allow rule                  |
 * | `<name>-<ns>-quota`                 | ResourceQuota `phiguard-quota`                               |
 * | `<name>-<ns>-limits`                | LimitRange `phiguard-limits`                                 |
 * | `<name>-<ns>-role-<role>`           | Role `<role>`                                                |
 * | `<name>-<ns>-binding-<role>`        | RoleBinding `<role>`                                         |
 */
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { kubernetesProvider } from "./kubernetes";
import {
  allowRuleSpec,
  checkAllowRule,
  defaultDenySpec,
  dnsEgressSpec,
  podIdentityAgentEgressSpec,
  type NetworkAllowRule,
} from "./networkPolicy";
import {
  checkCpu,
  checkDnsLabel,
  checkMemory,
  checkRbacRules,
  checkWorkloadNamespace,
  describe,
  InvalidArgumentError,
  quantityValue,
  type RbacRuleInput,
} from "./validation";

export const WORKLOAD_BASELINE_TYPE = "phiguard:cluster:WorkloadBaseline";

/** The Pod Security admission labels every baseline namespace carries. */
export const POD_SECURITY_LABELS: Readonly<Record<string, string>> = Object.freeze({
  "pod-security.kubernetes.io/enforce": "restricted",
  "pod-security.kubernetes.io/enforce-version": "latest",
  "pod-security.kubernetes.io/audit": "restricted",
  "pod-security.kubernetes.io/audit-version": "latest",
  "pod-security.kubernetes.io/warn": "restricted",
  "pod-security.kubernetes.io/warn-version": "latest",
});

/** The hard limits of a namespace's ResourceQuota. */
export interface ResourceQuotaInput {
  /**
   * Sum of CPU requests.
   * @default "4"
   */
  readonly requestsCpu?: string;
  /**
   * Sum of memory requests.
   * @default "8Gi"
   */
  readonly requestsMemory?: string;
  /**
   * Sum of CPU limits.
   * @default "8"
   */
  readonly limitsCpu?: string;
  /**
   * Sum of memory limits.
   * @default "16Gi"
   */
  readonly limitsMemory?: string;
  /**
   * Number of pods.
   * @default 50
   */
  readonly pods?: number;
  /**
   * Number of PersistentVolumeClaims.
   * @default 10
   */
  readonly persistentVolumeClaims?: number;
  /**
   * Sum of storage requests of PersistentVolumeClaims.
   * @default "500Gi"
   */
  readonly requestsStorage?: string;
}

/** The LimitRange of a namespace: defaults for containers that set none, and the maximum per container. */
export interface LimitRangeInput {
  /**
   * CPU request of a container that sets none.
   * @default "100m"
   */
  readonly defaultRequestCpu?: string;
  /**
   * Memory request of a container that sets none.
   * @default "128Mi"
   */
  readonly defaultRequestMemory?: string;
  /**
   * CPU limit of a container that sets none.
   * @default "500m"
   */
  readonly defaultLimitCpu?: string;
  /**
   * Memory limit of a container that sets none.
   * @default "512Mi"
   */
  readonly defaultLimitMemory?: string;
  /**
   * Largest CPU limit of one container.
   * @default "4"
   */
  readonly maxCpu?: string;
  /**
   * Largest memory limit of one container.
   * @default "8Gi"
   */
  readonly maxMemory?: string;
}

/** A subject of a RoleBinding. */
export interface RbacSubject {
  readonly kind: "User" | "Group" | "ServiceAccount";
  readonly name: string;
  /**
   * Namespace of a ServiceAccount subject.
   * @default the Role's namespace
   */
  readonly namespace?: string;
}

/** A namespaced Role and its RoleBinding. */
export interface RoleInput {
  /** The Role's and RoleBinding's name (a DNS label). */
  readonly name: string;
  /** Exact rules: no `*`, no bind/escalate/impersonate, no unrestricted Secret reads. */
  readonly rules: readonly RbacRuleInput[];
  /** Who gets the Role (EKS access entries map IAM principals to users and groups). */
  readonly subjects: readonly RbacSubject[];
}

/** One namespace of the baseline. */
export interface BaselineNamespaceInput {
  /**
   * Extra labels of the namespace (the Pod Security labels cannot be changed).
   * @default none
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * ResourceQuota limits.
   * @default the `ResourceQuotaInput` defaults; LoadBalancer and NodePort services are always 0
   */
  readonly quota?: ResourceQuotaInput;
  /**
   * LimitRange values.
   * @default the `LimitRangeInput` defaults
   */
  readonly limits?: LimitRangeInput;
  /**
   * Explicit allows on top of the default deny (besides DNS, always allowed).
   * @default none
   */
  readonly allow?: readonly NetworkAllowRule[];
  /**
   * Roles and their bindings.
   * @default none
   */
  readonly roles?: readonly RoleInput[];
}

export interface WorkloadBaselineArgs {
  /** Namespaces by name (DNS labels; not default, kube-system, kube-public, kube-node-lease). */
  readonly namespaces: Readonly<Record<string, BaselineNamespaceInput>>;
  /**
   * Allow egress from every pod to the EKS Pod Identity agent (169.254.170.23, TCP 80), which pods
   * need to get AWS credentials through Pod Identity.
   * @default true
   */
  readonly podIdentityAgentEgress?: boolean;
}

/** What the baseline built in one namespace. */
export interface BaselineNamespace {
  readonly name: string;
  readonly namespace: k8s.core.v1.Namespace;
  readonly defaultServiceAccount: k8s.core.v1.ServiceAccountPatch;
  readonly networkPolicies: Readonly<Record<string, k8s.networking.v1.NetworkPolicy>>;
  readonly quota: k8s.core.v1.ResourceQuota;
  readonly limitRange: k8s.core.v1.LimitRange;
  readonly roles: Readonly<Record<string, k8s.rbac.v1.Role>>;
  readonly roleBindings: Readonly<Record<string, k8s.rbac.v1.RoleBinding>>;
}

const RESERVED_RULE_NAMES = new Set(["dns", "pod-identity-agent"]);

export class WorkloadBaseline extends pulumi.ComponentResource {
  /** The namespace names, as given. */
  public readonly namespaceNames: readonly string[];
  /** Everything built per namespace. */
  public readonly byNamespace: Readonly<Record<string, BaselineNamespace>>;

  private readonly componentName: string;

  constructor(name: string, args: WorkloadBaselineArgs, opts?: pulumi.ComponentResourceOptions) {
    const where = `WorkloadBaseline "${name}"`;
    const provider = kubernetesProvider(where, opts);
    const namespaces = Object.entries(args?.namespaces ?? {});
    if (namespaces.length === 0) {
      throw new InvalidArgumentError(`${where}: namespaces is empty; expected at least one namespace, e.g. { ehr: {} }.`);
    }
    const settings = namespaces.map(([ns, input]) => ({ ns, ...namespaceSettings(where, ns, input ?? {}) }));

    super(WORKLOAD_BASELINE_TYPE, name, {}, opts);
    this.componentName = name;
    this.namespaceNames = settings.map((s) => s.ns);
    const children = { parent: this, provider };

    const byNamespace: Record<string, BaselineNamespace> = {};
    for (const s of settings) {
      const prefix = `${name}-${s.ns}`;
      const namespace = new k8s.core.v1.Namespace(
        prefix,
        { metadata: { name: s.ns, labels: { ...s.labels, ...POD_SECURITY_LABELS } } },
        children,
      );
      const inNs = { parent: this, provider, dependsOn: [namespace] };
      const metadata = (objectName: string) => ({ name: objectName, namespace: s.ns });

      const defaultServiceAccount = new k8s.core.v1.ServiceAccountPatch(
        `${prefix}-default-sa`,
        { metadata: metadata("default"), automountServiceAccountToken: false },
        inNs,
      );

      const networkPolicies: Record<string, k8s.networking.v1.NetworkPolicy> = {};
      const policy = (key: string, objectName: string, spec: Record<string, unknown>) => {
        networkPolicies[key] = new k8s.networking.v1.NetworkPolicy(
          `${prefix}-${key}`,
          { metadata: metadata(objectName), spec: spec as unknown as k8s.types.input.networking.v1.NetworkPolicySpec },
          inNs,
        );
      };
      policy("default-deny", "default-deny", defaultDenySpec());
      policy("allow-dns", "allow-dns", dnsEgressSpec());
      if (args.podIdentityAgentEgress ?? true) policy("allow-pod-identity-agent", "allow-pod-identity-agent", podIdentityAgentEgressSpec());
      for (const rule of s.allow) policy(`allow-${rule.name}`, `allow-${rule.name}`, allowRuleSpec(rule));

      const quota = new k8s.core.v1.ResourceQuota(`${prefix}-quota`, { metadata: metadata("phiguard-quota"), spec: { hard: s.quota } }, inNs);
      const limitRange = new k8s.core.v1.LimitRange(
        `${prefix}-limits`,
        {
          metadata: metadata("phiguard-limits"),
          spec: {
            limits: [
              {
                type: "Container",
                defaultRequest: { cpu: s.limits.defaultRequestCpu, memory: s.limits.defaultRequestMemory },
                default: { cpu: s.limits.defaultLimitCpu, memory: s.limits.defaultLimitMemory },
                max: { cpu: s.limits.maxCpu, memory: s.limits.maxMemory },
              },
            ],
          },
        },
        inNs,
      );

      const roles: Record<string, k8s.rbac.v1.Role> = {};
      const roleBindings: Record<string, k8s.rbac.v1.RoleBinding> = {};
      for (const role of s.roles) {
        roles[role.name] = new k8s.rbac.v1.Role(
          `${prefix}-role-${role.name}`,
          {
            metadata: metadata(role.name),
            rules: role.rules.map((r) => ({
              apiGroups: [...r.apiGroups],
              resources: [...r.resources],
              verbs: [...r.verbs],
              ...(r.resourceNames && r.resourceNames.length > 0 ? { resourceNames: [...r.resourceNames] } : {}),
            })),
          },
          inNs,
        );
        roleBindings[role.name] = new k8s.rbac.v1.RoleBinding(
          `${prefix}-binding-${role.name}`,
          {
            metadata: metadata(role.name),
            roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: role.name },
            subjects: role.subjects.map((subject) =>
              subject.kind === "ServiceAccount"
                ? { kind: "ServiceAccount", name: subject.name, namespace: subject.namespace ?? s.ns }
                : { kind: subject.kind, name: subject.name, apiGroup: "rbac.authorization.k8s.io" },
            ),
          },
          { parent: this, provider, dependsOn: [namespace, roles[role.name]!] },
        );
      }

      byNamespace[s.ns] = { name: s.ns, namespace, defaultServiceAccount, networkPolicies, quota, limitRange, roles, roleBindings };
    }
    this.byNamespace = byNamespace;
    this.registerOutputs({ namespaceNames: this.namespaceNames });
  }

  /** True when the baseline manages `namespace`. */
  public has(namespace: string): boolean {
    return namespace in this.byNamespace;
  }

  /**
   * The resources a workload in `namespace` must wait for: the namespace, its default service
   * account patch, network policies, quota and limit range. Throws for a namespace the baseline
   * does not manage.
   */
  public dependenciesOf(namespace: string): pulumi.Resource[] {
    const ns = this.byNamespace[namespace];
    if (!ns) {
      throw new InvalidArgumentError(
        `WorkloadBaseline "${this.componentName}": no namespace "${namespace}"; it manages [${this.namespaceNames.join(", ")}]. Add it to \`namespaces\`.`,
      );
    }
    return [ns.namespace, ns.defaultServiceAccount, ...Object.values(ns.networkPolicies), ns.quota, ns.limitRange];
  }
}

interface NamespaceSettings {
  readonly labels: Record<string, string>;
  readonly quota: Record<string, string>;
  readonly limits: Required<LimitRangeInput>;
  readonly allow: readonly NetworkAllowRule[];
  readonly roles: readonly RoleInput[];
}

function namespaceSettings(where: string, ns: string, input: BaselineNamespaceInput): NamespaceSettings {
  checkWorkloadNamespace(where, "namespace", ns);
  const at = `${where}: namespaces.${ns}`;
  const labels = { ...(input.labels ?? {}) };
  for (const key of Object.keys(labels)) {
    if (key.startsWith("pod-security.kubernetes.io/")) {
      throw new InvalidArgumentError(
        `${at}.labels sets "${key}"; the Pod Security labels are fixed to "restricted" (enforce, audit, warn) and cannot be given. Run workloads that need more privileges outside this baseline.`,
      );
    }
  }

  const q = input.quota ?? {};
  const count = (field: string, value: number) => {
    if (!Number.isInteger(value) || value < 0) throw new InvalidArgumentError(`${at}.quota.${field} ${describe(value)} is invalid; expected a whole number >= 0.`);
    return String(value);
  };
  const quota: Record<string, string> = {
    "requests.cpu": checkCpu(at, "quota.requestsCpu", q.requestsCpu ?? "4"),
    "requests.memory": checkMemory(at, "quota.requestsMemory", q.requestsMemory ?? "8Gi"),
    "limits.cpu": checkCpu(at, "quota.limitsCpu", q.limitsCpu ?? "8"),
    "limits.memory": checkMemory(at, "quota.limitsMemory", q.limitsMemory ?? "16Gi"),
    pods: count("pods", q.pods ?? 50),
    persistentvolumeclaims: count("persistentVolumeClaims", q.persistentVolumeClaims ?? 10),
    "requests.storage": checkMemory(at, "quota.requestsStorage", q.requestsStorage ?? "500Gi"),
    "services.loadbalancers": "0",
    "services.nodeports": "0",
  };

  const l = input.limits ?? {};
  const limits: Required<LimitRangeInput> = {
    defaultRequestCpu: checkCpu(at, "limits.defaultRequestCpu", l.defaultRequestCpu ?? "100m"),
    defaultRequestMemory: checkMemory(at, "limits.defaultRequestMemory", l.defaultRequestMemory ?? "128Mi"),
    defaultLimitCpu: checkCpu(at, "limits.defaultLimitCpu", l.defaultLimitCpu ?? "500m"),
    defaultLimitMemory: checkMemory(at, "limits.defaultLimitMemory", l.defaultLimitMemory ?? "512Mi"),
    maxCpu: checkCpu(at, "limits.maxCpu", l.maxCpu ?? "4"),
    maxMemory: checkMemory(at, "limits.maxMemory", l.maxMemory ?? "8Gi"),
  };
  const ordered = (what: string, request: string, limit: string, max: string) => {
    if (!(quantityValue(request) <= quantityValue(limit) && quantityValue(limit) <= quantityValue(max))) {
      throw new InvalidArgumentError(
        `${at}.limits: ${what} default request ${request}, default limit ${limit} and max ${max} are inconsistent; expected request <= limit <= max.`,
      );
    }
  };
  ordered("CPU", limits.defaultRequestCpu, limits.defaultLimitCpu, limits.maxCpu);
  ordered("memory", limits.defaultRequestMemory, limits.defaultLimitMemory, limits.maxMemory);

  const allow = input.allow ?? [];
  const ruleNames = new Set<string>();
  allow.forEach((rule, i) => {
    checkAllowRule(`${at}.allow[${i}]`, rule);
    if (RESERVED_RULE_NAMES.has(rule.name) || ruleNames.has(rule.name)) {
      throw new InvalidArgumentError(
        `${at}.allow[${i}].name "${rule.name}" is ${ruleNames.has(rule.name) ? "used twice" : "reserved by the baseline"}; expected a unique name other than ${[...RESERVED_RULE_NAMES].join(", ")}.`,
      );
    }
    ruleNames.add(rule.name);
  });

  const roles = input.roles ?? [];
  const roleNames = new Set<string>();
  roles.forEach((role, i) => {
    const r = `${at}.roles[${i}]`;
    checkDnsLabel(r, "name", role.name);
    if (roleNames.has(role.name)) throw new InvalidArgumentError(`${r}.name "${role.name}" is used twice; expected unique role names.`);
    roleNames.add(role.name);
    checkRbacRules(`${r} "${role.name}"`, role.rules);
    if (!Array.isArray(role.subjects) || role.subjects.length === 0) {
      throw new InvalidArgumentError(`${r}.subjects is ${describe(role.subjects)}; expected at least one User, Group or ServiceAccount.`);
    }
    role.subjects.forEach((subject, j) => {
      if (!["User", "Group", "ServiceAccount"].includes(subject.kind)) {
        throw new InvalidArgumentError(`${r}.subjects[${j}].kind ${describe(subject.kind)} is invalid; expected "User", "Group" or "ServiceAccount".`);
      }
      if (typeof subject.name !== "string" || subject.name === "") {
        throw new InvalidArgumentError(`${r}.subjects[${j}].name is ${describe(subject.name)}; expected a name.`);
      }
      if (subject.kind === "ServiceAccount") {
        if (subject.name === "default") {
          throw new InvalidArgumentError(
            `${r}.subjects[${j}] is the "default" service account; expected a dedicated service account (every pod without one runs as "default").`,
          );
        }
        if (subject.name.startsWith("system:") || subject.name.includes("*")) {
          throw new InvalidArgumentError(`${r}.subjects[${j}].name "${subject.name}" is invalid; expected a service account name.`);
        }
      } else if (subject.namespace !== undefined) {
        throw new InvalidArgumentError(`${r}.subjects[${j}] gives a namespace for a ${subject.kind}; expected namespace only for ServiceAccount subjects.`);
      }
      if (subject.kind !== "ServiceAccount" && /^system:(masters|authenticated|unauthenticated|anonymous)$/.test(subject.name)) {
        throw new InvalidArgumentError(`${r}.subjects[${j}] is "${subject.name}", which covers far more than one team; expected a specific user or group.`);
      }
    });
  });

  return { labels, quota, limits, allow, roles };
}
