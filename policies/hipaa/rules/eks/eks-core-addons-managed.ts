import type { ReportViolation, StackValidationArgs } from "@pulumi/policy";
import type { PhiguardStackPolicy } from "../../../engine/rule";
import { DeferredErrors, asStrings } from "../kubernetes/support";
import { ADDON_TYPE, CLUSTER_TYPE, describeCluster, refersToCluster } from "./support";

export const DEFAULT_REQUIRED_ADDONS = ["vpc-cni", "coredns", "kube-proxy"];

interface Config {
  readonly requiredAddons?: readonly string[];
}

/** Managed add-ons get versioned security fixes from `aws eks update-addon`; self-managed ones drift. */
const rule: PhiguardStackPolicy = {
  name: "eks-core-addons-managed",
  description:
    "Each EKS cluster should install its core components (vpc-cni, coredns, kube-proxy by default) as EKS managed add-ons (aws.eks.Addon), so their versions are declared, patched with the cluster and visible to review; the self-managed copies EKS bootstraps are never updated by it.",
  hipaa: ["164.308(a)(5)(ii)(A)", "164.312(a)(1)"],
  controls: {},
  remediation:
    'Create the cluster with phiguard\'s `SecureCluster`, which manages these add-ons; otherwise add an `aws.eks.Addon` per component with `clusterName: cluster.name` (and `bootstrapSelfManagedAddons: false` on the cluster).',
  enforcementLevel: "advisory",
  resourceTypes: [CLUSTER_TYPE],
  configSchema: {
    properties: {
      requiredAddons: {
        type: "array",
        items: { type: "string" },
        default: DEFAULT_REQUIRED_ADDONS,
        description: "EKS add-on names every cluster should have as aws.eks.Addon resources.",
      },
    },
  },
  validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => {
    const required = asStrings(args.getConfig<Config>().requiredAddons);
    const addons = args.resources.filter((r) => r.type === ADDON_TYPE);
    const deferred = new DeferredErrors();
    for (const cluster of args.resources.filter((r) => r.type === CLUSTER_TYPE)) {
      const names = new Set<unknown>();
      // An add-on whose cluster or name is unknown at preview may be the missing one: no verdict then.
      let unreadable = false;
      for (const addon of addons) {
        const read = deferred.attempt(() => {
          if (refersToCluster(addon, "clusterName", cluster)) names.add(addon.props.addonName);
        });
        if (!read) unreadable = true;
      }
      const missing = required.filter((n) => !names.has(n));
      if (missing.length > 0 && !unreadable) {
        reportViolation(`${describeCluster(cluster)} has no managed add-on ${missing.join(", ")} (aws.eks.Addon).`, cluster.urn);
      }
    }
    deferred.rethrow();
  },
};

export default rule;
