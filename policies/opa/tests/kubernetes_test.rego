package phiguard

import rego.v1

test_compliant_workload_passes_every_resource_rule if {
	fs := findings with input as t_plan([t_deployment("ok", t_pod({}))])
	[f | some f in fs; catalog[f.ruleId].scope == "resource"] == []
}

test_k8s_no_privileged_containers if {
	bad := t_deployment("bad", t_pod({"initContainers": [t_container({"name": "init", "securityContext": {"privileged": true}})]}))
	t_verdicts("k8s-no-privileged-containers", [bad]) == [["violation", "bad", "init container \"init\" (spec.template.spec.initContainers[0]) sets securityContext.privileged: true."]]
	host := t_deployment("host", t_pod({"securityContext": {"windowsOptions": {"hostProcess": true}}}))
	t_verdicts("k8s-no-privileged-containers", [host]) == [["violation", "host", "spec.template.spec.securityContext.windowsOptions.hostProcess is true: every container runs as a host process."]]
}

test_a_patch_is_checked_only_for_what_it_forbids if {
	patch := t_res("kubernetes:apps/v1:DeploymentPatch", "patch", {"spec": {"template": {"spec": {"containers": [{"name": "app", "securityContext": {"privileged": true}}]}}}})
	t_verdicts("k8s-no-privileged-containers", [patch]) == [["violation", "patch", "container \"app\" (spec.template.spec.containers[0]) sets securityContext.privileged: true."]]
	t_verdicts("k8s-read-only-root-filesystem", [patch]) == []
}

test_unknown_values_are_unverifiable_after_the_violations_before_them if {
	pod := t_pod({"containers": [
		t_container({"name": "a", "securityContext": {"privileged": true}}),
		t_container({"name": "b", "securityContext": {"privileged": t_unknown}}),
		t_container({"name": "c", "securityContext": {"privileged": true}}),
	]})
	t_verdicts("k8s-no-privileged-containers", [t_deployment("d", pod)]) == [
		["unverifiable", "d", "cannot be verified before deploy: props.spec.template.spec.containers.1.securityContext.privileged"],
		["violation", "d", "container \"a\" (spec.template.spec.containers[0]) sets securityContext.privileged: true."],
	]
}

test_an_unknown_container_list_makes_every_container_rule_unverifiable if {
	d := t_deployment("d", t_pod({"initContainers": t_secret}))
	t_verdicts("k8s-run-as-non-root", [d]) == [["unverifiable", "d", "cannot be verified before deploy: props.spec.template.spec.initContainers (secret value is not available offline)"]]
}

test_k8s_no_host_namespaces if {
	t_verdicts("k8s-no-host-namespaces", [t_deployment("d", t_pod({"hostPID": true, "hostNetwork": t_unknown}))]) == [
		["unverifiable", "d", "cannot be verified before deploy: props.spec.template.spec.hostNetwork"],
		["violation", "d", "spec.template.spec.hostPID is true: the pod shares the node's processes."],
	]
}

test_k8s_no_host_path_volumes if {
	d := t_deployment("d", t_pod({"volumes": [{"name": "tmp", "emptyDir": {}}, {"name": "sock", "hostPath": {"path": "/var/run/docker.sock"}}]}))
	t_verdicts("k8s-no-host-path-volumes", [d]) == [["violation", "d", "spec.template.spec.volumes[1] \"sock\" is a hostPath volume of /var/run/docker.sock."]]
}

test_k8s_no_host_ports if {
	d := t_deployment("d", t_pod({"containers": [t_container({"ports": [{"containerPort": 80}, {"containerPort": 8080, "hostPort": 8080}]})]}))
	t_verdicts("k8s-no-host-ports", [d]) == [["violation", "d", "container \"app\" (spec.template.spec.containers[0]) ports[1] binds hostPort 8080."]]
}

test_k8s_no_privilege_escalation if {
	d := t_deployment("d", t_pod({"containers": [t_container({"securityContext": {"readOnlyRootFilesystem": true}})]}))
	t_verdicts("k8s-no-privilege-escalation", [d]) == [["violation", "d", "container \"app\" (spec.template.spec.containers[0]) does not set securityContext.allowPrivilegeEscalation: false (it defaults to true)."]]
}

test_k8s_run_as_non_root if {
	d := t_deployment("d", t_pod({"securityContext": {"runAsUser": 0}, "containers": [t_container({"securityContext": {}})]}))
	t_verdicts("k8s-run-as-non-root", [d]) == [
		["violation", "d", "container \"app\" (spec.template.spec.containers[0]) may run as root: runAsNonRoot is set to true neither on it nor on the pod."],
		["violation", "d", "spec.template.spec.securityContext.runAsUser is 0 (root)."],
	]
}

test_k8s_seccomp_runtime_default if {
	d := t_deployment("d", t_pod({"securityContext": {"seccompProfile": {"type": "Unconfined"}}}))
	t_verdicts("k8s-seccomp-runtime-default", [d]) == [
		["violation", "d", "container \"app\" (spec.template.spec.containers[0]) has no seccomp profile: set seccompProfile.type RuntimeDefault on it or on the pod."],
		["violation", "d", "spec.template.spec.securityContext.seccompProfile.type is \"Unconfined\"; expected RuntimeDefault or Localhost."],
	]
}

test_k8s_drop_all_capabilities if {
	d := t_deployment("d", t_pod({"containers": [t_container({"securityContext": {"capabilities": {"drop": ["NET_RAW"], "add": ["NET_BIND_SERVICE", "SYS_ADMIN"]}}})]}))
	t_verdicts("k8s-drop-all-capabilities", [d]) == [
		["violation", "d", "container \"app\" (spec.template.spec.containers[0]) adds capabilities SYS_ADMIN; only NET_BIND_SERVICE may be added."],
		["violation", "d", "container \"app\" (spec.template.spec.containers[0]) does not drop ALL capabilities (securityContext.capabilities.drop)."],
	]
}

test_k8s_image_pinned_by_digest if {
	d := t_deployment("d", t_pod({"containers": [t_container({"image": "nginx:latest"})]}))
	t_verdicts("k8s-image-pinned-by-digest", [d]) == [["violation", "d", "container \"app\" (spec.template.spec.containers[0]) image \"nginx:latest\" is not pinned by digest (@sha256:...)."]]
	ecr := t_deployment("e", t_pod({"containers": [t_container({"image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/app:latest"})]}))
	config := {"deny_k8s_image_pinned_by_digest": {"allowedRegistries": ["*.dkr.ecr.*.amazonaws.com"]}}
	verdicts := t_verdicts("k8s-image-pinned-by-digest", [ecr]) with data.config as config
	verdicts == [["violation", "e", "container \"app\" (spec.template.spec.containers[0]) image \"123456789012.dkr.ecr.us-east-1.amazonaws.com/app:latest\" is from allowed registry \"*.dkr.ecr.*.amazonaws.com\" but has no fixed tag (blank or latest)."]]
}

test_parse_image_and_from_registry if {
	parse_image("reg:5000/app:1.2@sha256:abc") == {"name": "reg:5000/app", "tag": "1.2", "digest": "sha256:abc"}
	parse_image("reg:5000/app") == {"name": "reg:5000/app"}
	from_registry("1.dkr.ecr.eu-west-1.amazonaws.com/app", "*.dkr.ecr.*.amazonaws.com/")
	not from_registry("evil.com/1.dkr.ecr.x.amazonaws.com/app", "*.dkr.ecr.*.amazonaws.com")
	not from_registry("ghcr.io/app", "")
}

test_k8s_liveness_and_readiness_probes_skips_jobs if {
	job := t_res("kubernetes:batch/v1:Job", "job", {"metadata": {"namespace": "app"}, "spec": {"template": {"spec": t_pod({"containers": [{"name": "x", "image": t_image}]})}}})
	t_verdicts("k8s-liveness-and-readiness-probes", [job]) == []
	d := t_deployment("d", t_pod({"containers": [object.remove(t_container({}), ["livenessProbe"])]}))
	t_verdicts("k8s-liveness-and-readiness-probes", [d]) == [["violation", "d", "container \"app\" (spec.template.spec.containers[0]) has no livenessProbe."]]
}

test_k8s_resource_requests_and_limits if {
	d := t_deployment("d", t_pod({"containers": [t_container({"resources": {"requests": {"cpu": "1"}, "limits": {"memory": t_unknown}}})]}))
	t_verdicts("k8s-resource-requests-and-limits", [d]) == [["violation", "d", "container \"app\" (spec.template.spec.containers[0]) does not set resources requests.memory, limits.cpu."]]
	t_verdicts("k8s-resource-requests-and-limits", [d]) == [["violation", "d", "container \"app\" (spec.template.spec.containers[0]) does not set resources requests.memory."]] with data.config as {"deny_k8s_resource_requests_and_limits": {"requireCpuLimit": false}}
}

test_k8s_secrets_as_files_not_env_vars if {
	d := t_deployment("d", t_pod({"containers": [t_container({"env": [{"name": "PASSWORD", "valueFrom": {"secretKeyRef": {"name": "db", "key": "p"}}}], "envFrom": [{"secretRef": {"name": "all"}}]})]}))
	t_verdicts("k8s-secrets-as-files-not-env-vars", [d]) == [
		["violation", "d", "container \"app\" (spec.template.spec.containers[0]) loads Secret \"all\" into its environment (envFrom[0].secretRef)."],
		["violation", "d", "container \"app\" (spec.template.spec.containers[0]) reads environment variable PASSWORD from Secret \"db\" (env[0].valueFrom.secretKeyRef)."],
	]
}

test_k8s_no_service_account_token_automount if {
	t_verdicts("k8s-no-service-account-token-automount", [t_deployment("d", t_pod({"automountServiceAccountToken": true, "serviceAccountName": "default"}))]) == [["violation", "d", "spec.template.spec mounts the token of the namespace's default service account; use a dedicated service account."]]
	t_verdicts("k8s-no-service-account-token-automount", [t_deployment("ok", t_pod({"automountServiceAccountToken": true, "serviceAccountName": "operator"}))]) == []
}

test_k8s_default_service_account_not_used if {
	sa := t_res("kubernetes:core/v1:ServiceAccount", "sa", {"metadata": {"name": "default", "namespace": "app"}})
	binding := t_res("kubernetes:rbac.authorization.k8s.io/v1:RoleBinding", "rb", {"metadata": {"namespace": "app"}, "roleRef": {"kind": "Role", "name": "r"}, "subjects": [{"kind": "ServiceAccount", "name": "default", "namespace": "app"}]})
	d := t_deployment("d", object.remove(t_pod({}), ["serviceAccountName"]))
	t_verdicts("k8s-default-service-account-not-used", [sa, binding, d]) == [
		["violation", "d", "spec.template.spec.serviceAccountName is not set: the pod runs as the namespace's \"default\" service account."],
		["violation", "rb", "subjects[0] binds the \"default\" service account in namespace \"app\"."],
		["violation", "sa", "The \"default\" ServiceAccount does not set automountServiceAccountToken: false."],
	]
}

test_k8s_workload_not_in_default_namespace_follows_the_provider if {
	provider := t_res("pulumi:providers:kubernetes", "team", {"namespace": "team"})
	pod := object.union(t_res("kubernetes:core/v1:Pod", "p", {"spec": t_pod({})}), {"provider": concat("", [provider.urn, "::some-id"])})
	t_verdicts("k8s-workload-not-in-default-namespace", [provider, pod]) == []
	bare := t_res("kubernetes:core/v1:Pod", "bare", {"spec": t_pod({})})
	t_verdicts("k8s-workload-not-in-default-namespace", [bare]) == [["violation", "bare", "No namespace is given (metadata.namespace, or the provider's namespace), so it lands in \"default\"."]]
}

test_k8s_namespace_pod_security_restricted if {
	ok := t_res("kubernetes:core/v1:Namespace", "ok", {"metadata": {"name": "app", "labels": {"pod-security.kubernetes.io/enforce": "restricted"}}})
	exempt := t_res("kubernetes:core/v1:Namespace", "exempt", {"metadata": {"name": "kube-system"}})
	bad := t_res("kubernetes:core/v1:Namespace", "bad", {"metadata": {"name": "tools", "labels": {"pod-security.kubernetes.io/enforce": "baseline"}}})
	t_verdicts("k8s-namespace-pod-security-restricted", [ok, exempt, bad]) == [["violation", "bad", "pod-security.kubernetes.io/enforce is \"baseline\"; expected \"restricted\"."]]
}

test_k8s_ingress_tls if {
	ingress := "kubernetes:networking.k8s.io/v1:Ingress"
	ok := t_res(ingress, "ok", {"spec": {"rules": [{"host": "api.example.com"}], "tls": [{"hosts": ["*.example.com"]}]}})
	deep := t_res(ingress, "deep", {"spec": {"rules": [{"host": "a.b.example.com"}], "tls": [{"hosts": ["*.example.com"]}]}})
	none := t_res(ingress, "none", {"spec": {"rules": [{"host": "a.example.com"}]}})
	alb := t_res(ingress, "alb", {"metadata": {"annotations": {"alb.ingress.kubernetes.io/certificate-arn": "arn", "alb.ingress.kubernetes.io/listen-ports": "[{\"HTTP\":80},{\"HTTPS\":443}]"}}})
	t_verdicts("k8s-ingress-tls", [ok, deep, none, alb]) == [
		["violation", "alb", "The ALB has a certificate but also a plain HTTP listener (alb.ingress.kubernetes.io/listen-ports includes HTTP) without alb.ingress.kubernetes.io/ssl-redirect."],
		["violation", "deep", "spec.rules[0] host \"a.b.example.com\" is not listed in any spec.tls[].hosts."],
		["violation", "none", "spec.tls is not set: every host is served over plain HTTP."],
	]
}

test_k8s_load_balancer_service_tls_or_internal if {
	svc := "kubernetes:core/v1:Service"
	a := "service.beta.kubernetes.io/"
	internal := t_res(svc, "internal", {"metadata": {"annotations": {concat("", [a, "aws-load-balancer-scheme"]): "internal"}}, "spec": {"type": "LoadBalancer"}})
	partial := t_res(svc, "partial", {"metadata": {"annotations": {concat("", [a, "aws-load-balancer-ssl-cert"]): "arn", concat("", [a, "aws-load-balancer-ssl-ports"]): "443"}}, "spec": {"type": "LoadBalancer", "ports": [{"name": "p443", "port": 443}, {"name": "p80", "port": 80}]}})
	t_verdicts("k8s-load-balancer-service-tls-or-internal", [internal, partial]) == [["violation", "partial", "The internet-facing load balancer leaves port(s) p80 without TLS (service.beta.kubernetes.io/aws-load-balancer-ssl-ports)."]]
}

test_rbac_rules if {
	role := t_res("kubernetes:rbac.authorization.k8s.io/v1:ClusterRole", "cr", {"rules": [
		{"apiGroups": [""], "resources": ["secrets"], "verbs": ["get", "list"]},
		{"apiGroups": ["*"], "resources": ["users"], "verbs": ["impersonate"]},
	]})
	t_verdicts("k8s-rbac-limit-secret-access", [role]) == [["violation", "cr", "ClusterRole rules[0] grants get, list on every Secret."]]
	t_verdicts("k8s-rbac-no-bind-escalate-impersonate", [role]) == [["violation", "cr", "ClusterRole rules[1] grants impersonate on users."]]
	t_verdicts("k8s-rbac-no-wildcards", [role]) == [["violation", "cr", "ClusterRole rules[1] uses \"*\" in apiGroups."]]
	binding := t_res("kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding", "crb", {"roleRef": {"kind": "ClusterRole", "name": "cluster-admin"}, "subjects": [{"kind": "Group", "name": "ops"}]})
	t_verdicts("k8s-rbac-no-cluster-admin-binding", [binding]) == [["violation", "crb", "ClusterRoleBinding grants cluster-admin to Group ops."]]
}

test_k8s_namespace_default_deny_network_policy if {
	np := "kubernetes:networking.k8s.io/v1:NetworkPolicy"
	pod := "kubernetes:core/v1:Pod"
	deny := t_res(np, "deny", {"metadata": {"namespace": "app"}, "spec": {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}})
	ingress_only := t_res(np, "ingress-only", {"metadata": {"namespace": "half"}, "spec": {"podSelector": {}, "policyTypes": ["Ingress"]}})
	covered := t_res(pod, "covered", {"metadata": {"namespace": "app"}, "spec": t_pod({})})
	half := t_res(pod, "half", {"metadata": {"namespace": "half"}, "spec": t_pod({})})
	t_verdicts("k8s-namespace-default-deny-network-policy", [deny, ingress_only, covered, half]) == [["violation", "half", "namespace \"half\" has no NetworkPolicy that denies all egress traffic by default (podSelector {}, policyTypes Egress)."]]
	unreadable := t_res(np, "unk", {"metadata": {"namespace": t_unknown}, "spec": {}})
	t_verdicts("k8s-namespace-default-deny-network-policy", [deny, unreadable, covered, half]) == [["unverifiable", "unk", "cannot be verified before deploy: props.metadata.namespace"]]
}

# --- the same rules as Pulumi's OPA analyzer runs them -------------------------------------

test_analyzer_deny_rule_sees_one_resource if {
	d := t_deployment("d", t_pod({"hostPID": true}))
	deny_k8s_no_host_namespaces == {"spec.template.spec.hostPID is true: the pod shares the node's processes."} with input as t_analyzer_input(d)
	count(deny_k8s_no_host_namespaces) == 0 with input as t_analyzer_input(t_deployment("ok", t_pod({})))
	count(deny_k8s_no_host_namespaces) == 0 with input as t_analyzer_input(t_res("aws:s3/bucket:Bucket", "b", {"spec": {"hostPID": true}}))
}

test_analyzer_warns_of_values_computed_at_preview if {
	d := t_deployment("d", t_pod({"hostPID": {"Element": {"V": ""}}}))
	"k8s-no-host-namespaces: cannot be verified before deploy: props.spec.template.spec.hostPID" in warn_phiguard_unverifiable with input as t_analyzer_input(d)
}

test_analyzer_stack_rule_names_the_resource if {
	pod := t_res("kubernetes:core/v1:Pod", "bare", {"metadata": {"namespace": "bare"}, "spec": t_pod({})})
	resource := object.union(t_analyzer_input(pod), {"dependencies": [], "propertyDependencies": {}})
	stack_deny_k8s_namespace_default_deny_network_policy == {concat("", [pod.urn, ": namespace \"bare\" has no NetworkPolicy that denies all ingress and egress traffic by default (podSelector {}, policyTypes Ingress, Egress)."])} with input as {"resources": [resource]}
}

test_a_network_policy_without_spec_isolates_nothing if {
	np := t_res("kubernetes:networking.k8s.io/v1:NetworkPolicy", "np", {"metadata": {"namespace": "app"}})
	pod := t_res("kubernetes:core/v1:Pod", "p", {"metadata": {"namespace": "app"}, "spec": t_pod({})})
	t_verdicts("k8s-namespace-default-deny-network-policy", [np, pod]) == [["violation", "p", "namespace \"app\" has no NetworkPolicy that denies all ingress and egress traffic by default (podSelector {}, policyTypes Ingress, Egress)."]]
	isolated_directions({"k": "none", "o": "u", "p": ["props", "spec"]}) == {"evs": [], "v": set()}
}
