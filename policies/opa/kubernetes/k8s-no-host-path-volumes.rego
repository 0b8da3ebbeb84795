package phiguard

import rego.v1

# METADATA
# title: k8s-no-host-path-volumes
# description: "Pods must not mount hostPath volumes: a path of the node's filesystem exposes the node (container runtime socket, kubelet credentials, other pods' volumes) to the container."
deny_k8s_no_host_path_volumes contains msg if some msg in analyzer_messages("k8s-no-host-path-volumes")

k8s_no_host_path_volumes(r) := evs if {
	pod := pod_spec(r)
	evs := _k8s_no_host_path_volumes(pod)
} else := []

_k8s_no_host_path_volumes(pod) := pod.evs if count(pod.evs) > 0

_k8s_no_host_path_volumes(pod) := array.concat(unk(read), [e |
	some item in elements(read).all
	some e in array.concat(item_evs(item), _k8s_host_path_volume(pod, item))
]) if {
	count(pod.evs) == 0
	read := pod_rd(pod, ["volumes"])
}

_k8s_host_path_volume(pod, item) := array.concat(unk(host_path), _k8s_host_path_report(pod, item, host_path)) if {
	not item.u
	is_object(item.v)
	host_path := item_key(item, "hostPath")
} else := []

_k8s_host_path_report(pod, item, host_path) := [{"m": concat("", [
	pod.path, ".volumes[", format_int(item.i, 10), "]",
	_quoted_suffix(text_or(object.get(item.v, "name", null), "")),
	" is a hostPath volume",
	_prefixed(" of ", text_or(object.get(host_path.v, "path", null), "")),
	".",
])}] if {
	host_path.k == "val"
	is_object(host_path.v)
} else := []

# ` "name"` for a non-empty name, else "".
_quoted_suffix(name) := concat("", [" \"", name, "\""]) if name != ""

_quoted_suffix(name) := "" if name == ""

# prefix + text for a non-empty text, else "".
_prefixed(prefix, text) := concat("", [prefix, text]) if text != ""

_prefixed(_, text) := "" if text == ""

catalog["k8s-no-host-path-volumes"] := _rule("deny_k8s_no_host_path_volumes", _workloads_and_patches)

k8s_rule_events("k8s-no-host-path-volumes", r) := k8s_no_host_path_volumes(r)
