package phiguard

import rego.v1

# METADATA
# title: k8s-secrets-as-files-not-env-vars
# description: "Secrets should reach containers as mounted files, not environment variables: environment variables leak into crash dumps, child processes, `kubectl describe` output and application logs."
warn_k8s_secrets_as_files_not_env_vars contains msg if some msg in analyzer_messages("k8s-secrets-as-files-not-env-vars")

k8s_secrets_as_files_not_env_vars(r) := evs if {
	pod := pod_spec(r)
	evs := _k8s_secrets_as_files_not_env_vars(pod)
} else := []

_k8s_secrets_as_files_not_env_vars(pod) := pod.evs if count(pod.evs) > 0

_k8s_secrets_as_files_not_env_vars(pod) := array.concat(cs.evs, [e | some c in cs.items; some e in _k8s_secret_env_of(c)]) if {
	count(pod.evs) == 0
	cs := all_containers(pod)
}

_k8s_secret_env_of(c) := array.concat(
	array.concat(unk(env), [e | some item in elements(env).all; some e in array.concat(item_evs(item), _k8s_secret_env_var(c, item))]),
	array.concat(unk(env_from), [e | some item in elements(env_from).all; some e in array.concat(item_evs(item), _k8s_secret_env_from(c, item))]),
) if {
	env := c_rd(c, ["env"])
	env_from := c_rd(c, ["envFrom"])
}

# env[i].valueFrom.secretKeyRef
_k8s_secret_env_var(c, item) := array.concat(unk(ref), [{"m": concat("", [
	c.label, " reads environment variable ", text_or(object.get(item.v, "name", null), concat("", ["env[", i, "]"])),
	_prefixed(" from Secret ", _quoted(text_or(object.get(ref.v, "name", null), ""))),
	" (env[", i, "].valueFrom.secretKeyRef).",
])} |
	ref.k == "val"
	is_object(ref.v)
]) if {
	not item.u
	i := format_int(item.i, 10)
	ref := rd_key(item_key(item, "valueFrom"), "secretKeyRef")
} else := []

# envFrom[i].secretRef
_k8s_secret_env_from(c, item) := array.concat(unk(ref), [{"m": concat("", [
	c.label, " loads Secret", _prefixed(" ", _quoted(text_or(object.get(ref.v, "name", null), ""))),
	" into its environment (envFrom[", format_int(item.i, 10), "].secretRef).",
])} |
	ref.k == "val"
	is_object(ref.v)
]) if {
	not item.u
	ref := item_key(item, "secretRef")
} else := []

# "text" for a non-empty text, else "".
_quoted(text) := concat("", ["\"", text, "\""]) if text != ""

_quoted(text) := "" if text == ""

catalog["k8s-secrets-as-files-not-env-vars"] := _rule("warn_k8s_secrets_as_files_not_env_vars", workload_types)

k8s_rule_events("k8s-secrets-as-files-not-env-vars", r) := k8s_secrets_as_files_not_env_vars(r)
