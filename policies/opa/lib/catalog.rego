# The rules of the Rego pack: ID (the TypeScript rule's name), the analyzer rule that runs it
# (deny_ = mandatory, warn_ = advisory, stack_ = over the whole stack), its enforcement level and
# the resource types it checks (the TypeScript rule's resourceTypes).
package phiguard

import rego.v1

_workloads_and_patches := workload_types | workload_patch_types

catalog := {
	"alb-drop-invalid-header-fields": _rule("warn_alb_drop_invalid_header_fields", aws_v2_load_balancers),
	"apigateway-stage-access-logging-enabled": _rule("deny_apigateway_stage_access_logging_enabled", {aws_stage}),
	"apigateway-stage-client-certificate-configured": _rule("warn_apigateway_stage_client_certificate_configured", {aws_stage}),
	"apigateway-stage-xray-tracing-enabled": _rule("warn_apigateway_stage_xray_tracing_enabled", {aws_stage}),
	"backup-vault-encrypted-with-cmk": _rule("deny_backup_vault_encrypted_with_cmk", {"aws:backup/vault:Vault"}),
	"cloudtrail-cloudwatch-logs-enabled": _rule("deny_cloudtrail_cloudwatch_logs_enabled", {"aws:cloudtrail/trail:Trail"}),
	"cloudtrail-encrypted-with-kms": _rule("deny_cloudtrail_encrypted_with_kms", {"aws:cloudtrail/trail:Trail"}),
	"cloudtrail-log-file-validation-enabled": _rule("deny_cloudtrail_log_file_validation_enabled", {"aws:cloudtrail/trail:Trail"}),
	"cloudwatch-alarm-has-actions": _rule("warn_cloudwatch_alarm_has_actions", {"aws:cloudwatch/metricAlarm:MetricAlarm"}),
	"cloudwatch-log-group-encrypted-with-kms": _rule("deny_cloudwatch_log_group_encrypted_with_kms", {"aws:cloudwatch/logGroup:LogGroup"}),
	"cloudwatch-log-group-retention-at-least-365-days": _rule("deny_cloudwatch_log_group_retention_at_least_365_days", {"aws:cloudwatch/logGroup:LogGroup"}),
	"dms-replication-instance-encrypted-with-cmk": _rule("deny_dms_replication_instance_encrypted_with_cmk", {"aws:dms/replicationInstance:ReplicationInstance"}),
	"ecr-repository-scan-on-push": _rule("warn_ecr_repository_scan_on_push", {"aws:ecr/repository:Repository"}),
	"ecs-task-definition-awsvpc-network-mode": _rule("deny_ecs_task_definition_awsvpc_network_mode", {"aws:ecs/taskDefinition:TaskDefinition"}),
	"elb-classic-cross-zone-load-balancing": _rule("warn_elb_classic_cross_zone_load_balancing", {"aws:elb/loadBalancer:LoadBalancer"}),
	"elb-deletion-protection-enabled": _rule("warn_elb_deletion_protection_enabled", aws_v2_load_balancers),
	"emr-cluster-kerberos-enabled": _rule("deny_emr_cluster_kerberos_enabled", {"aws:emr/cluster:Cluster"}),
	"emr-cluster-uses-security-configuration": _rule("deny_emr_cluster_uses_security_configuration", {"aws:emr/cluster:Cluster"}),
	"iam-user-no-inline-policies": _rule("deny_iam_user_no_inline_policies", {"aws:iam/userPolicy:UserPolicy", "aws:iam/userPoliciesExclusive:UserPoliciesExclusive"}),
	"kms-key-policy-defined": _rule("warn_kms_key_policy_defined", {"aws:kms/key:Key", "aws:kms/replicaKey:ReplicaKey"}),
	"lambda-concurrency-limit-set": _rule("warn_lambda_concurrency_limit_set", {"aws:lambda/function:Function"}),
	"lambda-function-has-dead-letter-queue": _rule("warn_lambda_function_has_dead_letter_queue", {"aws:lambda/function:Function"}),
	"lambda-function-in-vpc": _rule("deny_lambda_function_in_vpc", {"aws:lambda/function:Function"}),
	"opensearch-domain-fine-grained-access-control": _rule("warn_opensearch_domain_fine_grained_access_control", aws_domain_types),
	"opensearch-domain-in-vpc": _rule("deny_opensearch_domain_in_vpc", aws_domain_types),
	"opensearch-domain-node-to-node-encryption": _rule("deny_opensearch_domain_node_to_node_encryption", aws_domain_types),
	"rds-auto-minor-version-upgrade-enabled": _rule("warn_rds_auto_minor_version_upgrade_enabled", {aws_db_instance, aws_cluster_instance}),
	"rds-copy-tags-to-snapshots": _rule("warn_rds_copy_tags_to_snapshots", {aws_db_instance, aws_db_cluster}),
	"rds-deletion-protection-enabled": _rule("deny_rds_deletion_protection_enabled", {aws_db_instance, aws_db_cluster}),
	"rds-enhanced-monitoring-enabled": _rule("warn_rds_enhanced_monitoring_enabled", {aws_db_instance, aws_cluster_instance}),
	"rds-not-publicly-accessible": _rule("deny_rds_not_publicly_accessible", {aws_db_instance, aws_cluster_instance}),
	"redshift-cluster-maintenance-settings": _rule("warn_redshift_cluster_maintenance_settings", {aws_redshift_cluster}),
	"redshift-cluster-not-public": _rule("deny_redshift_cluster_not_public", {aws_redshift_cluster}),
	"redshift-enhanced-vpc-routing-enabled": _rule("deny_redshift_enhanced_vpc_routing_enabled", {aws_redshift_cluster}),
	"sagemaker-endpoint-configuration-encrypted-with-kms": _rule("deny_sagemaker_endpoint_configuration_encrypted_with_kms", {"aws:sagemaker/endpointConfiguration:EndpointConfiguration"}),
	"sagemaker-notebook-encrypted-with-kms": _rule("deny_sagemaker_notebook_encrypted_with_kms", {aws_notebook}),
	"sagemaker-notebook-in-vpc": _rule("deny_sagemaker_notebook_in_vpc", {aws_notebook}),
	"sagemaker-notebook-no-direct-internet-access": _rule("deny_sagemaker_notebook_no_direct_internet_access", {aws_notebook}),
	"sagemaker-notebook-root-access-disabled": _rule("warn_sagemaker_notebook_root_access_disabled", {aws_notebook}),
	"secretsmanager-secret-encrypted-with-cmk": _rule("deny_secretsmanager_secret_encrypted_with_cmk", {"aws:secretsmanager/secret:Secret"}),
	"sns-topic-encrypted-with-kms": _rule("deny_sns_topic_encrypted_with_kms", {"aws:sns/topic:Topic"}),
	"sqs-queue-encrypted-with-kms": _rule("deny_sqs_queue_encrypted_with_kms", {"aws:sqs/queue:Queue"}),
	"vpc-subnet-no-public-ip-on-launch": _rule("deny_vpc_subnet_no_public_ip_on_launch", {"aws:ec2/subnet:Subnet"}),
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

resource_rule_events("alb-drop-invalid-header-fields", r) := aws_alb_drop_invalid_header_fields(r)

resource_rule_events("apigateway-stage-access-logging-enabled", r) := aws_apigateway_stage_access_logging_enabled(r)

resource_rule_events("apigateway-stage-client-certificate-configured", r) := aws_apigateway_stage_client_certificate_configured(r)

resource_rule_events("apigateway-stage-xray-tracing-enabled", r) := aws_apigateway_stage_xray_tracing_enabled(r)

resource_rule_events("backup-vault-encrypted-with-cmk", r) := aws_backup_vault_encrypted_with_cmk(r)

resource_rule_events("cloudtrail-cloudwatch-logs-enabled", r) := aws_cloudtrail_cloudwatch_logs_enabled(r)

resource_rule_events("cloudtrail-encrypted-with-kms", r) := aws_cloudtrail_encrypted_with_kms(r)

resource_rule_events("cloudtrail-log-file-validation-enabled", r) := aws_cloudtrail_log_file_validation_enabled(r)

resource_rule_events("cloudwatch-alarm-has-actions", r) := aws_cloudwatch_alarm_has_actions(r)

resource_rule_events("cloudwatch-log-group-encrypted-with-kms", r) := aws_cloudwatch_log_group_encrypted_with_kms(r)

resource_rule_events("cloudwatch-log-group-retention-at-least-365-days", r) := aws_cloudwatch_log_group_retention_at_least_365_days(r)

resource_rule_events("dms-replication-instance-encrypted-with-cmk", r) := aws_dms_replication_instance_encrypted_with_cmk(r)

resource_rule_events("ecr-repository-scan-on-push", r) := aws_ecr_repository_scan_on_push(r)

resource_rule_events("ecs-task-definition-awsvpc-network-mode", r) := aws_ecs_task_definition_awsvpc_network_mode(r)

resource_rule_events("elb-classic-cross-zone-load-balancing", r) := aws_elb_classic_cross_zone_load_balancing(r)

resource_rule_events("elb-deletion-protection-enabled", r) := aws_elb_deletion_protection_enabled(r)

resource_rule_events("emr-cluster-kerberos-enabled", r) := aws_emr_cluster_kerberos_enabled(r)

resource_rule_events("emr-cluster-uses-security-configuration", r) := aws_emr_cluster_uses_security_configuration(r)

resource_rule_events("iam-user-no-inline-policies", r) := aws_iam_user_no_inline_policies(r)

resource_rule_events("kms-key-policy-defined", r) := aws_kms_key_policy_defined(r)

resource_rule_events("lambda-concurrency-limit-set", r) := aws_lambda_concurrency_limit_set(r)

resource_rule_events("lambda-function-has-dead-letter-queue", r) := aws_lambda_function_has_dead_letter_queue(r)

resource_rule_events("lambda-function-in-vpc", r) := aws_lambda_function_in_vpc(r)

resource_rule_events("opensearch-domain-fine-grained-access-control", r) := aws_opensearch_domain_fine_grained_access_control(r)

resource_rule_events("opensearch-domain-in-vpc", r) := aws_opensearch_domain_in_vpc(r)

resource_rule_events("opensearch-domain-node-to-node-encryption", r) := aws_opensearch_domain_node_to_node_encryption(r)

resource_rule_events("rds-auto-minor-version-upgrade-enabled", r) := aws_rds_auto_minor_version_upgrade_enabled(r)

resource_rule_events("rds-copy-tags-to-snapshots", r) := aws_rds_copy_tags_to_snapshots(r)

resource_rule_events("rds-deletion-protection-enabled", r) := aws_rds_deletion_protection_enabled(r)

resource_rule_events("rds-enhanced-monitoring-enabled", r) := aws_rds_enhanced_monitoring_enabled(r)

resource_rule_events("rds-not-publicly-accessible", r) := aws_rds_not_publicly_accessible(r)

resource_rule_events("redshift-cluster-maintenance-settings", r) := aws_redshift_cluster_maintenance_settings(r)

resource_rule_events("redshift-cluster-not-public", r) := aws_redshift_cluster_not_public(r)

resource_rule_events("redshift-enhanced-vpc-routing-enabled", r) := aws_redshift_enhanced_vpc_routing_enabled(r)

resource_rule_events("sagemaker-endpoint-configuration-encrypted-with-kms", r) := aws_sagemaker_endpoint_configuration_encrypted_with_kms(r)

resource_rule_events("sagemaker-notebook-encrypted-with-kms", r) := aws_sagemaker_notebook_encrypted_with_kms(r)

resource_rule_events("sagemaker-notebook-in-vpc", r) := aws_sagemaker_notebook_in_vpc(r)

resource_rule_events("sagemaker-notebook-no-direct-internet-access", r) := aws_sagemaker_notebook_no_direct_internet_access(r)

resource_rule_events("sagemaker-notebook-root-access-disabled", r) := aws_sagemaker_notebook_root_access_disabled(r)

resource_rule_events("secretsmanager-secret-encrypted-with-cmk", r) := aws_secretsmanager_secret_encrypted_with_cmk(r)

resource_rule_events("sns-topic-encrypted-with-kms", r) := aws_sns_topic_encrypted_with_kms(r)

resource_rule_events("sqs-queue-encrypted-with-kms", r) := aws_sqs_queue_encrypted_with_kms(r)

resource_rule_events("vpc-subnet-no-public-ip-on-launch", r) := aws_vpc_subnet_no_public_ip_on_launch(r)

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
