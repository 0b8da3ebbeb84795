package phiguard

import rego.v1

# METADATA
# title: eks-supported-kubernetes-version
# description: "EKS clusters and node groups must run a Kubernetes version Amazon EKS still supports (the rule's supportedVersions list), so control plane and nodes keep receiving security patches."
deny_eks_supported_kubernetes_version contains msg if some msg in analyzer_messages("eks-supported-kubernetes-version")

eks_default_supported_versions := ["1.30", "1.31", "1.32", "1.33", "1.34", "1.35"]

eks_supported_kubernetes_version(r) := array.concat(unk(version), _eks_version(version)) if {
	version := rd(r.props, props_at(r), ["version"])
}

_eks_version(version) := [] if {
	version.k != "val"
} else := [] if {
	version.v in {null, ""}
} else := [] if {
	minor := eks_minor_version(js_string(version.v))
	minor in _eks_supported
} else := array.concat(text.evs, [{"m": concat("", ["version ", text.t, " is not a supported EKS version (", concat(", ", _eks_supported), ")."])}]) if {
	text := json_text(version)
}

_eks_supported := [x | some x in config("eks-supported-kubernetes-version", "supportedVersions", eks_default_supported_versions); is_string(x)]

# `minorVersion(version)`: "1.31" for "1.31", "1.31.2" or "1.31.2-eks-..."; undefined otherwise.
eks_minor_version(version) := m[0][1] if {
	m := regex.find_all_string_submatch_n(`^v?(\d+\.\d+)(?:[.-]|$)`, trim_space(version), 1)
	count(m) == 1
}

catalog["eks-supported-kubernetes-version"] := _rule("deny_eks_supported_kubernetes_version", {eks_cluster_type, eks_node_group_type})

resource_rule_events("eks-supported-kubernetes-version", r) := eks_supported_kubernetes_version(r)
