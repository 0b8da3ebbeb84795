import type { PolicyResource, ReportViolation, StackValidationArgs } from "@pulumi/policy";
import type { PhiguardStackPolicy } from "../../../engine/rule";
import { describeNamespaceKey, namespaceKeyOf } from "./namespace";
import { WORKLOAD_TYPES } from "./pod-spec";
import { DeferredErrors, asArray, asObject, asStrings } from "./support";

export const NETWORK_POLICY_TYPE = "kubernetes:networking.k8s.io/v1:NetworkPolicy";

interface Config {
  /** @default true: the namespace must also isolate egress. */
  readonly requireEgress?: boolean;
}

type Direction = "Ingress" | "Egress";

/** True for a selector that selects every pod: `{}` (no matchLabels, no matchExpressions). */
function selectsAllPods(selector: unknown): boolean {
  const s = asObject(selector);
  if (!s) return false;
  const labels = asObject(s.matchLabels);
  return (labels === undefined || Object.keys(labels).length === 0) && asArray(s.matchExpressions).length === 0;
}

/** True for a rule that admits everything: no peers and no ports. */
function allowsAll(rule: unknown, peers: "from" | "to"): boolean {
  const r = asObject(rule);
  if (!r) return false;
  return asArray(r[peers]).length === 0 && asArray(r.ports).length === 0;
}

/**
 * The directions a NetworkPolicy isolates for every pod of its namespace (only explicitly allowed
 * traffic gets through): it selects all pods, lists the direction in policyTypes (or implies it, as
 * the API server does when policyTypes is omitted), and has no rule that admits everything.
 */
export function isolatedDirections(spec: unknown): Direction[] {
  const s = asObject(spec);
  if (!s || !selectsAllPods(s.podSelector)) return [];
  const declared = s.policyTypes === undefined ? undefined : asStrings(s.policyTypes);
  const types: Direction[] = declared
    ? declared.filter((t): t is Direction => t === "Ingress" || t === "Egress")
    : ["Ingress", ...(s.egress !== undefined ? (["Egress"] as const) : [])];
  return types.filter((t) =>
    t === "Ingress"
      ? !asArray(s.ingress).some((r) => allowsAll(r, "from"))
      : !asArray(s.egress).some((r) => allowsAll(r, "to")),
  );
}

/** Checkov CKV2_K8S_6; CIS EKS 4.3.2, 5.4.4. */
const rule: PhiguardStackPolicy = {
  name: "k8s-namespace-default-deny-network-policy",
  description:
    "Every namespace that runs workloads must have a default-deny NetworkPolicy: podSelector {} with policyTypes Ingress and Egress and no allow-all rule, so pods accept and open only the connections other policies allow explicitly.",
  hipaa: ["164.312(a)(1)", "164.312(e)(1)"],
  controls: { checkov: ["CKV2_K8S_6"], cis: ["4.3.1", "4.3.2", "5.4.4"] },
  remediation:
    'Create the namespace with phiguard\'s `WorkloadBaseline`, which adds a `default-deny` NetworkPolicy (`podSelector: {}`, `policyTypes: ["Ingress", "Egress"]`) next to the allow rules of each `SecureWorkload`. The cluster must enforce NetworkPolicy (VPC CNI with `enableNetworkPolicy: "true"`, as `SecureCluster` configures it).',
  enforcementLevel: "mandatory",
  resourceTypes: [...WORKLOAD_TYPES],
  configSchema: {
    properties: {
      requireEgress: {
        type: "boolean",
        default: true,
        description: "Also require the namespace's default-deny policy to isolate egress.",
      },
    },
  },
  validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => {
    const requireEgress = args.getConfig<Config>().requireEgress !== false;
    const wanted: Direction[] = requireEgress ? ["Ingress", "Egress"] : ["Ingress"];
    const isolated = new Map<string, Set<Direction>>();
    const workloads = new Map<string, PolicyResource[]>();
    const workloadTypes = new Set(WORKLOAD_TYPES);
    // Namespaces with a NetworkPolicy that could not be read before deploy: no verdict on them.
    const unreadable = new Set<string>();
    let unreadableAnywhere = false;
    const deferred = new DeferredErrors();
    for (const r of args.resources) {
      if (r.type === NETWORK_POLICY_TYPE) {
        let key: string | undefined;
        if (!deferred.attempt(() => (key = namespaceKeyOf(r)))) {
          unreadableAnywhere = true;
          continue;
        }
        const set = isolated.get(key as string) ?? new Set<Direction>();
        isolated.set(key as string, set);
        if (!deferred.attempt(() => isolatedDirections(r.props.spec).forEach((d) => set.add(d)))) {
          unreadable.add(key as string);
        }
      } else if (workloadTypes.has(r.type)) {
        deferred.attempt(() => {
          const key = namespaceKeyOf(r);
          workloads.set(key, [...(workloads.get(key) ?? []), r]);
        });
      }
    }
    for (const [key, members] of workloads) {
      if (unreadableAnywhere || unreadable.has(key)) continue;
      const have = isolated.get(key) ?? new Set<Direction>();
      const missing = wanted.filter((d) => !have.has(d));
      if (missing.length === 0) continue;
      for (const w of members) {
        reportViolation(
          `${describeNamespaceKey(key)} has no NetworkPolicy that denies all ${missing.join(" and ").toLowerCase()} traffic by default (podSelector {}, policyTypes ${missing.join(", ")}).`,
          w.urn,
        );
      }
    }
    deferred.rethrow();
  },
};

export default rule;
