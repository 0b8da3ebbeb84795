# The rules of the Rego pack: ID (the TypeScript rule's name), the analyzer rule that runs it
# (deny_ = mandatory, warn_ = advisory, stack_ = over the whole stack), its enforcement level and
# the resource types it checks (the TypeScript rule's resourceTypes).
package phiguard

import rego.v1

_workloads_and_patches := workload_types | workload_patch_types

catalog := {
	"eks-authentication-mode-api": _rule("deny_eks_authentication_mode_api", {eks_cluster_type}),
	"eks-cluster-creator-admin-disabled": _rule("warn_eks_cluster_creator_admin_disabled", {eks_cluster_type}),
	"eks-cluster-log-group-encrypted-retained": _rule("stack_deny_eks_cluster_log_group_encrypted_retained", {eks_cluster_type}),
	"eks-control-plane-logging-all-types": _rule("deny_eks_control_plane_logging_all_types", {eks_cluster_type}),
	"eks-core-addons-managed": _rule("stack_warn_eks_core_addons_managed", {eks_cluster_type}),
	"eks-endpoint-private-access": _rule("deny_eks_endpoint_private_access", {eks_cluster_type}),
	"eks-node-group-hardened-launch-template": _rule("stack_deny_eks_node_group_hardened_launch_template", {eks_node_group_type}),
	"eks-node-group-no-open-remote-access": _rule("deny_eks_node_group_no_open_remote_access", {eks_node_group_type}),
	"eks-node-group-private-subnets": _rule("stack_deny_eks_node_group_private_subnets", {eks_node_group_type}),
	"eks-secrets-envelope-encryption": _rule("deny_eks_secrets_envelope_encryption", {eks_cluster_type}),
	"eks-supported-kubernetes-version": _rule("deny_eks_supported_kubernetes_version", {eks_cluster_type, eks_node_group_type}),
	"eks-vpc-cni-network-policy-enabled": _rule("warn_eks_vpc_cni_network_policy_enabled", {eks_addon_type}),
	"k8s-default-service-account-not-used": _rule("deny_k8s_default_service_account_not_used", k8s_default_service_account_not_used_types),
	"k8s-drop-all-capabilities": _rule("deny_k8s_drop_all_capabilities", workload_types),
	"k8s-image-pinned-by-digest": _rule("deny_k8s_image_pinned_by_digest", workload_types),
	"k8s-ingress-tls": _rule("deny_k8s_ingress_tls", ingress_types),
	"k8s-liveness-and-readiness-probes": _rule("warn_k8s_liveness_and_readiness_probes", long_running_workload_types),
	"k8s-load-balancer-service-tls-or-internal": _rule("deny_k8s_load_balancer_service_tls_or_internal", {"kubernetes:core/v1:Service"}),
	"k8s-namespace-default-deny-network-policy": _rule("stack_deny_k8s_namespace_default_deny_network_policy", workload_types),
	"k8s-namespace-pod-security-restricted": _rule("deny_k8s_namespace_pod_security_restricted", {namespace_type}),
	"k8s-no-host-namespaces": _rule("deny_k8s_no_host_namespaces", _workloads_and_patches),
	"k8s-no-host-path-volumes": _rule("deny_k8s_no_host_path_volumes", _workloads_and_patches),
	"k8s-no-host-ports": _rule("deny_k8s_no_host_ports", _workloads_and_patches),
	"k8s-no-privilege-escalation": _rule("deny_k8s_no_privilege_escalation", workload_types),
	"k8s-no-privileged-containers": _rule("deny_k8s_no_privileged_containers", _workloads_and_patches),
	"k8s-no-service-account-token-automount": _rule("deny_k8s_no_service_account_token_automount", workload_types),
	"k8s-rbac-limit-secret-access": _rule("deny_k8s_rbac_limit_secret_access", role_types),
	"k8s-rbac-no-bind-escalate-impersonate": _rule("deny_k8s_rbac_no_bind_escalate_impersonate", role_types),
	"k8s-rbac-no-cluster-admin-binding": _rule("deny_k8s_rbac_no_cluster_admin_binding", binding_types),
	"k8s-rbac-no-wildcards": _rule("deny_k8s_rbac_no_wildcards", role_types),
	"k8s-read-only-root-filesystem": _rule("deny_k8s_read_only_root_filesystem", workload_types),
	"k8s-resource-requests-and-limits": _rule("deny_k8s_resource_requests_and_limits", workload_types),
	"k8s-run-as-non-root": _rule("deny_k8s_run_as_non_root", workload_types),
	"k8s-seccomp-runtime-default": _rule("deny_k8s_seccomp_runtime_default", workload_types),
	"k8s-secrets-as-files-not-env-vars": _rule("warn_k8s_secrets_as_files_not_env_vars", workload_types),
	"k8s-workload-not-in-default-namespace": _rule("deny_k8s_workload_not_in_default_namespace", k8s_workload_not_in_default_namespace_types),
}

# The types the stack rules look up with resources_of_type (indexed once per evaluation).
stack_rule_types := {
	eks_cluster_type, eks_node_group_type, eks_addon_type, launch_template_type, log_group_type,
	"aws:ec2/routeTableAssociation:RouteTableAssociation", "aws:ec2/route:Route",
}

# The level and scope follow from the analyzer rule's name, as the analyzer derives them.
_rule(rego, types) := {"rego": rego, "level": _level(rego), "scope": _scope(rego), "types": types}

_level(rego) := "advisory" if {
	regex.match(`^(stack_)?warn_`, rego)
} else := "mandatory"

_scope(rego) := "stack" if {
	startswith(rego, "stack_")
} else := "resource"

resource_rule_events("eks-authentication-mode-api", r) := eks_authentication_mode_api(r)

resource_rule_events("eks-cluster-creator-admin-disabled", r) := eks_cluster_creator_admin_disabled(r)

resource_rule_events("eks-control-plane-logging-all-types", r) := eks_control_plane_logging_all_types(r)

resource_rule_events("eks-endpoint-private-access", r) := eks_endpoint_private_access(r)

resource_rule_events("eks-node-group-no-open-remote-access", r) := eks_node_group_no_open_remote_access(r)

resource_rule_events("eks-secrets-envelope-encryption", r) := eks_secrets_envelope_encryption(r)

resource_rule_events("eks-supported-kubernetes-version", r) := eks_supported_kubernetes_version(r)

resource_rule_events("eks-vpc-cni-network-policy-enabled", r) := eks_vpc_cni_network_policy_enabled(r)

resource_rule_events("k8s-default-service-account-not-used", r) := k8s_default_service_account_not_used(r)

resource_rule_events("k8s-drop-all-capabilities", r) := k8s_drop_all_capabilities(r)

resource_rule_events("k8s-image-pinned-by-digest", r) := k8s_image_pinned_by_digest(r)

resource_rule_events("k8s-ingress-tls", r) := k8s_ingress_tls(r)

resource_rule_events("k8s-liveness-and-readiness-probes", r) := k8s_liveness_and_readiness_probes(r)

resource_rule_events("k8s-load-balancer-service-tls-or-internal", r) := k8s_load_balancer_service_tls_or_internal(r)

resource_rule_events("k8s-namespace-pod-security-restricted", r) := k8s_namespace_pod_security_restricted(r)

resource_rule_events("k8s-no-host-namespaces", r) := k8s_no_host_namespaces(r)

resource_rule_events("k8s-no-host-path-volumes", r) := k8s_no_host_path_volumes(r)

resource_rule_events("k8s-no-host-ports", r) := k8s_no_host_ports(r)

resource_rule_events("k8s-no-privilege-escalation", r) := k8s_no_privilege_escalation(r)

resource_rule_events("k8s-no-privileged-containers", r) := k8s_no_privileged_containers(r)

resource_rule_events("k8s-no-service-account-token-automount", r) := k8s_no_service_account_token_automount(r)

resource_rule_events("k8s-rbac-limit-secret-access", r) := k8s_rbac_limit_secret_access(r)

resource_rule_events("k8s-rbac-no-bind-escalate-impersonate", r) := k8s_rbac_no_bind_escalate_impersonate(r)

resource_rule_events("k8s-rbac-no-cluster-admin-binding", r) := k8s_rbac_no_cluster_admin_binding(r)

resource_rule_events("k8s-rbac-no-wildcards", r) := k8s_rbac_no_wildcards(r)

resource_rule_events("k8s-read-only-root-filesystem", r) := k8s_read_only_root_filesystem(r)

resource_rule_events("k8s-resource-requests-and-limits", r) := k8s_resource_requests_and_limits(r)

resource_rule_events("k8s-run-as-non-root", r) := k8s_run_as_non_root(r)

resource_rule_events("k8s-seccomp-runtime-default", r) := k8s_seccomp_runtime_default(r)

resource_rule_events("k8s-secrets-as-files-not-env-vars", r) := k8s_secrets_as_files_not_env_vars(r)

resource_rule_events("k8s-workload-not-in-default-namespace", r) := k8s_workload_not_in_default_namespace(r)

stack_rule_events("eks-cluster-log-group-encrypted-retained") := eks_cluster_log_group_encrypted_retained

stack_rule_events("eks-core-addons-managed") := eks_core_addons_managed

stack_rule_events("eks-node-group-hardened-launch-template") := eks_node_group_hardened_launch_template

stack_rule_events("eks-node-group-private-subnets") := eks_node_group_private_subnets

stack_rule_events("k8s-namespace-default-deny-network-policy") := k8s_namespace_default_deny_network_policy
