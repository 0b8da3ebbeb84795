package phiguard

import rego.v1

# METADATA
# title: k8s-no-service-account-token-automount
# description: "Pods must set automountServiceAccountToken: false unless they need the Kubernetes API; a pod that does must ask for it explicitly (automountServiceAccountToken: true) under a dedicated, non-default service account. A mounted token lets anyone who compromises the container act with the account's RBAC rights."
deny_k8s_no_service_account_token_automount contains msg if some msg in analyzer_messages("k8s-no-service-account-token-automount")

k8s_no_service_account_token_automount(r) := evs if {
	pod := pod_spec(r)
	evs := _k8s_no_service_account_token_automount(pod)
} else := []

_k8s_no_service_account_token_automount(pod) := pod.evs if count(pod.evs) > 0

_k8s_no_service_account_token_automount(pod) := array.concat(unk(automount), _k8s_automount_report(pod, automount)) if {
	count(pod.evs) == 0
	automount := pod_rd(pod, ["automountServiceAccountToken"])
}

_k8s_automount_report(pod, automount) := [] if {
	automount.k == "unk"
} else := [] if {
	is_val(automount, false)
} else := [{"m": concat("", [pod.path, ".automountServiceAccountToken is not set to false: the service account token is mounted by default."])}] if {
	not is_val(automount, true)
} else := array.concat(account.evs, [{"m": concat("", [pod.path, " mounts the token of the namespace's default service account; use a dedicated service account."])} |
	_default_account(account)
]) if {
	account := pod_service_account(pod)
}

# `pod.spec.serviceAccountName ?? pod.spec.serviceAccount`:
# {"evs": unknown reads, "s": the read whose value is the account}.
pod_service_account(pod) := _service_account(pod, pod_rd(pod, ["serviceAccountName"]))

_service_account(pod, name) := {"evs": unk(name), "s": name} if {
	name.k == "unk"
} else := {"evs": [], "s": name} if {
	name.k == "val"
	name.v != null
} else := {"evs": unk(legacy), "s": legacy} if {
	legacy := pod_rd(pod, ["serviceAccount"])
}

# The account is not set, empty or "default".
_default_account(account) if account.s.k == "none"

_default_account(account) if is_val(account.s, "")

_default_account(account) if is_val(account.s, "default")

catalog["k8s-no-service-account-token-automount"] := _rule("deny_k8s_no_service_account_token_automount", workload_types)

k8s_rule_events("k8s-no-service-account-token-automount", r) := k8s_no_service_account_token_automount(r)
