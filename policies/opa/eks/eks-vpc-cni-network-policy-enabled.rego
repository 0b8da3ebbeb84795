package phiguard

import rego.v1

# METADATA
# title: eks-vpc-cni-network-policy-enabled
# description: "The vpc-cni add-on should enforce Kubernetes NetworkPolicy (configurationValues {\"enableNetworkPolicy\": \"true\"}): without it, or another policy engine such as Calico or Cilium, every NetworkPolicy, including the namespaces' default deny, is silently ignored."
warn_eks_vpc_cni_network_policy_enabled contains msg if some msg in analyzer_messages("eks-vpc-cni-network-policy-enabled")

eks_vpc_cni_network_policy_enabled(r) := array.concat(unk(name), _eks_vpc_cni(r, name)) if {
	name := rd(r.props, props_at(r), ["addonName"])
}

_eks_vpc_cni(r, name) := array.concat(unk(raw), _eks_vpc_cni_report(raw)) if {
	is_val(name, "vpc-cni")
	raw := rd(r.props, props_at(r), ["configurationValues"])
} else := []

_eks_vpc_cni_report(raw) := [] if {
	raw.k == "unk"
} else := [{"m": "configurationValues is not set: the VPC CNI does not enforce NetworkPolicy by default."}] if {
	raw.k == "none"
} else := [{"m": "configurationValues is not set: the VPC CNI does not enforce NetworkPolicy by default."}] if {
	is_val(raw, "")
} else := [{"m": "configurationValues is not valid JSON."}] if {
	not json_parse(js_string(raw.v))
} else := _eks_network_policy_report(object.get(_as_object(json_parse(js_string(raw.v)).v), "enableNetworkPolicy", {"@undefined": true}))

_as_object(v) := v if {
	is_object(v)
} else := {}

_eks_network_policy_report(enabled) := [] if {
	enabled in {"true", true}
} else := [{"m": "configurationValues.enableNetworkPolicy is not set; expected \"true\"."}] if {
	enabled == {"@undefined": true}
} else := [{"m": concat("", ["configurationValues.enableNetworkPolicy is ", json.marshal(enabled), "; expected \"true\"."])}]

catalog["eks-vpc-cni-network-policy-enabled"] := _rule("warn_eks_vpc_cni_network_policy_enabled", {eks_addon_type})

resource_rule_events("eks-vpc-cni-network-policy-enabled", r) := eks_vpc_cni_network_policy_enabled(r)
