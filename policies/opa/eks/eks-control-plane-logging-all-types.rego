package phiguard

import rego.v1

# METADATA
# title: eks-control-plane-logging-all-types
# description: "EKS clusters must send all five control-plane log types (api, audit, authenticator, controllerManager, scheduler) to CloudWatch Logs (enabledClusterLogTypes): the audit and authenticator logs are the record of who accessed which Kubernetes object."
deny_eks_control_plane_logging_all_types contains msg if some msg in analyzer_messages("eks-control-plane-logging-all-types")

eks_all_log_types := ["api", "audit", "authenticator", "controllerManager", "scheduler"]

eks_control_plane_logging_all_types(r) := array.concat(enabled.evs, [{"m": _eks_logging_message(enabled.v, missing)} | count(missing) > 0]) if {
	required := [x | some x in config("eks-control-plane-logging-all-types", "requiredLogTypes", eks_all_log_types); is_string(x)]
	enabled := strings_of(rd(r.props, props_at(r), ["enabledClusterLogTypes"]))
	missing := without(required, {x | some x in enabled.v})
}

_eks_logging_message(enabled, missing) := concat("", ["enabledClusterLogTypes is not set: no control-plane logs are kept (needs ", concat(", ", missing), ")."]) if {
	count(enabled) == 0
} else := concat("", ["enabledClusterLogTypes lacks ", concat(", ", missing), "."])

catalog["eks-control-plane-logging-all-types"] := _rule("deny_eks_control_plane_logging_all_types", {eks_cluster_type})

resource_rule_events("eks-control-plane-logging-all-types", r) := eks_control_plane_logging_all_types(r)
