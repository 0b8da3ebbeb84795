package phiguard

import rego.v1

# METADATA
# title: eks-authentication-mode-api
# description: "EKS clusters must authenticate IAM principals through EKS access entries only (accessConfig.authenticationMode: API), not the aws-auth ConfigMap: access entries are AWS API resources, changed through IAM-authorized, CloudTrail-logged calls and reviewable per principal, while the ConfigMap is an unaudited text blob any cluster admin can edit."
deny_eks_authentication_mode_api contains msg if some msg in analyzer_messages("eks-authentication-mode-api")

eks_authentication_mode_api(r) := array.concat(unk(mode), _eks_auth_mode_report(mode)) if {
	mode := rd(r.props, props_at(r), ["accessConfig", "authenticationMode"])
}

_eks_auth_mode_report(mode) := [] if {
	mode.k == "unk"
} else := [] if {
	is_val(mode, "API")
} else := [] if {
	is_val(mode, "API_AND_CONFIG_MAP")
	config("eks-authentication-mode-api", "allowApiAndConfigMap", false) == true
} else := [{"m": "accessConfig.authenticationMode is not set: EKS defaults to CONFIG_MAP (the aws-auth ConfigMap)."}] if {
	mode.k == "none"
} else := array.concat(text.evs, [{"m": concat("", ["accessConfig.authenticationMode is ", text.t, "; expected \"API\"."])}]) if {
	text := json_text(mode)
}

catalog["eks-authentication-mode-api"] := _rule("deny_eks_authentication_mode_api", {eks_cluster_type})

resource_rule_events("eks-authentication-mode-api", r) := eks_authentication_mode_api(r)
