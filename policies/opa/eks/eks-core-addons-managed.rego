package phiguard

import rego.v1

# METADATA
# title: eks-core-addons-managed
# description: "Each EKS cluster should install its core components (vpc-cni, coredns, kube-proxy by default) as EKS managed add-ons (aws.eks.Addon), so their versions are declared, patched with the cluster and visible to review; the self-managed copies EKS bootstraps are never updated by it."
stack_warn_eks_core_addons_managed contains msg if some msg in analyzer_stack_messages("eks-core-addons-managed")

eks_default_required_addons := ["vpc-cni", "coredns", "kube-proxy"]

# Per cluster: each add-on is read in its own attempt; the report (which names the cluster) is not,
# so an unknown cluster name there ends the rule at once, and earlier deferred unknowns are lost.
eks_core_addons_managed := array.concat([v | some i, c in _eks_addon_clusters; i < stop; some v in c.violations], [hard]) if {
	stop := min({i | some i, c in _eks_addon_clusters; count(c.hard) > 0})
	hard := _eks_addon_clusters[stop].hard[0]
} else := units_outcome(array.concat(
	[c.deferred | some c in _eks_addon_clusters],
	[[v | some c in _eks_addon_clusters; some v in c.violations]],
))

_eks_addon_clusters := [_eks_addon_cluster(cluster) | some cluster in resources_of_type(eks_cluster_type)]

_eks_addon_cluster(cluster) := {"deferred": deferred, "violations": report.violations, "hard": report.hard} if {
	reads := [_eks_addon_read(addon, cluster) | some addon in resources_of_type(eks_addon_type)]
	deferred := [e | some x in reads; some e in x.evs]
	names := {x.name | some x in reads; count(x.evs) == 0; x.v; _ = x.name}
	required := [x | some x in config("eks-core-addons-managed", "requiredAddons", eks_default_required_addons); is_string(x)]
	missing := [n | some n in required; not n in names]
	report := _eks_addon_report(cluster, missing, count(deferred) > 0)
}

# {"evs", "v": refers to the cluster, "name": its addonName (when read)}.
_eks_addon_read(addon, cluster) := _eks_addon_name(addon, refers_to_cluster(addon, "clusterName", cluster))

_eks_addon_name(addon, refers) := {"evs": refers.evs, "v": false} if {
	count(refers.evs) > 0
} else := {"evs": [], "v": false} if {
	not refers.v
} else := _eks_addon_name_read(rd(addon.props, props_at(addon), ["addonName"]))

_eks_addon_name_read(name) := {"evs": unk(name), "v": true} if {
	name.k == "unk"
} else := {"evs": [], "v": true, "name": name.v} if {
	name.k == "val"
} else := {"evs": [], "v": true}

_eks_addon_report(cluster, missing, unreadable) := {"violations": [], "hard": []} if {
	count(missing) == 0
} else := {"violations": [], "hard": []} if {
	unreadable
} else := {"violations": [], "hard": d.evs} if {
	d := describe_cluster(cluster)
	count(d.evs) > 0
} else := {"violations": [{"m": concat("", [describe_cluster(cluster).v, " has no managed add-on ", concat(", ", missing), " (aws.eks.Addon)."]), "urn": cluster.urn}], "hard": []}

catalog["eks-core-addons-managed"] := _rule("stack_warn_eks_core_addons_managed", {eks_cluster_type})

stack_rule_events("eks-core-addons-managed") := eks_core_addons_managed
