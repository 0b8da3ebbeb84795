package phiguard

import rego.v1

# METADATA
# title: eks-node-group-no-open-remote-access
# description: "Managed node groups must not open SSH to the world: remoteAccess with an ec2SshKey but no sourceSecurityGroupIds makes EKS allow port 22 from 0.0.0.0/0 on every node."
deny_eks_node_group_no_open_remote_access contains msg if some msg in analyzer_messages("eks-node-group-no-open-remote-access")

eks_node_group_no_open_remote_access(r) := array.concat(unk(remote), _eks_remote_access(remote)) if {
	remote := rd(r.props, props_at(r), ["remoteAccess"])
}

_eks_remote_access(remote) := array.concat(unk(groups), [{"m": "remoteAccess gives an ec2SshKey without sourceSecurityGroupIds: SSH (port 22) is open to 0.0.0.0/0."} |
	groups.k != "unk"
	_empty_array_flag(groups)
]) if {
	remote.k == "val"
	has_value(remote.v, "ec2SshKey")
	groups := rd_key(remote, "sourceSecurityGroupIds")
} else := []

catalog["eks-node-group-no-open-remote-access"] := _rule("deny_eks_node_group_no_open_remote_access", {eks_node_group_type})

resource_rule_events("eks-node-group-no-open-remote-access", r) := eks_node_group_no_open_remote_access(r)
