# What the EKS rules share: type tokens and how a resource is joined to its cluster (the Rego twin
# of policies/hipaa/rules/eks/support.ts).
package phiguard

import rego.v1

eks_cluster_type := "aws:eks/cluster:Cluster"

eks_node_group_type := "aws:eks/nodeGroup:NodeGroup"

eks_addon_type := "aws:eks/addon:Addon"

launch_template_type := "aws:ec2/launchTemplate:LaunchTemplate"

log_group_type := "aws:cloudwatch/logGroup:LogGroup"

# `literalClusterName(cluster)`: {"evs", "v": name or ""} ("" for an auto-named cluster).
literal_cluster_name(cluster) := {"evs": [], "v": ""} if {
	not is_literal(cluster, "name")
} else := {"evs": unk(name), "v": ""} if {
	name := rd(cluster.props, props_at(cluster), ["name"])
	name.k == "unk"
} else := {"evs": [], "v": name.v} if {
	name := rd(cluster.props, props_at(cluster), ["name"])
	is_string(name.v)
} else := {"evs": [], "v": ""}

# `refersToCluster(resource, property, cluster)`: {"evs", "v": bool}.
refers_to_cluster(r, property, cluster) := {"evs": [], "v": true} if {
	depends_through(r, property, cluster)
} else := {"evs": [], "v": false} if {
	not is_literal(r, property)
} else := _refers_to_cluster_name(r, property, literal_cluster_name(cluster))

_refers_to_cluster_name(r, property, name) := {"evs": name.evs, "v": false} if {
	count(name.evs) > 0
} else := {"evs": [], "v": false} if {
	name.v == ""
} else := {"evs": unk(value), "v": is_val_flag(value, name.v)} if {
	value := rd(r.props, props_at(r), [property])
}

is_val_flag(s, x) if {
	is_val(s, x)
} else := false

# `describeCluster(cluster)`: {"evs", "v": `cluster "name"` or `cluster <resource name>`}.
describe_cluster(cluster) := {"evs": name.evs, "v": ""} if {
	name := literal_cluster_name(cluster)
	count(name.evs) > 0
} else := {"evs": [], "v": concat("", ["cluster \"", name.v, "\""])} if {
	name := literal_cluster_name(cluster)
	name.v != ""
} else := {"evs": [], "v": concat("", ["cluster ", cluster.name])}
