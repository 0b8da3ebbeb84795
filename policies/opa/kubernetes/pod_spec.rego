# Where each workload kind keeps its pod spec, and the containers in it (the Rego twin of
# policies/hipaa/rules/kubernetes/pod-spec.ts).
package phiguard

import rego.v1

_pod_spec_paths := {
	"Pod": ["spec"],
	"PodTemplate": ["template", "spec"],
	"ReplicationController": ["spec", "template", "spec"],
	"Deployment": ["spec", "template", "spec"],
	"StatefulSet": ["spec", "template", "spec"],
	"DaemonSet": ["spec", "template", "spec"],
	"ReplicaSet": ["spec", "template", "spec"],
	"Job": ["spec", "template", "spec"],
	"CronJob": ["spec", "jobTemplate", "spec", "template", "spec"],
}

# Every API version @pulumi/kubernetes 4.x generates for each workload kind.
_workload_versions := {
	"Pod": ["core/v1"],
	"PodTemplate": ["core/v1"],
	"ReplicationController": ["core/v1"],
	"Deployment": ["apps/v1", "apps/v1beta1", "apps/v1beta2", "extensions/v1beta1"],
	"StatefulSet": ["apps/v1", "apps/v1beta1", "apps/v1beta2"],
	"DaemonSet": ["apps/v1", "apps/v1beta2", "extensions/v1beta1"],
	"ReplicaSet": ["apps/v1", "apps/v1beta2", "extensions/v1beta1"],
	"Job": ["batch/v1"],
	"CronJob": ["batch/v1", "batch/v1beta1", "batch/v2alpha1"],
}

workload_types := {concat("", ["kubernetes:", v, ":", kind]) |
	some kind, versions in _workload_versions
	some v in versions
}

long_running_workload_types := {concat("", ["kubernetes:", v, ":", kind]) |
	some kind, versions in _workload_versions
	not kind in {"Job", "CronJob"}
	some v in versions
}

workload_patch_types := {concat("", ["kubernetes:", v, ":", kind, "Patch"]) |
	some kind, versions in _workload_versions
	some v in versions
}

# The last segment of a type token, without a trailing `Patch`.
type_kind(type) := trim_suffix(parts[count(parts) - 1], "Patch") if {
	parts := split(type, ":")
}

# The workload kind of a type, undefined when it has no pod spec. Worked out once per type of the
# input rather than once per rule and resource (an analyzer input has no resources: there, each time).
workload_kind(type) := _workload_kinds[type]

workload_kind(type) := _workload_kind(type) if not _positions_by_type[type]

_workload_kinds := {type: kind | some type, _ in _positions_by_type; kind := _workload_kind(type)}

_workload_kind(type) := kind if {
	startswith(type, "kubernetes:")
	kind := type_kind(type)
	_ = _pod_spec_paths[kind]
}

# `podSpecOf(type, props)`: undefined when the kind has no pod spec or it is not given;
# {"evs": [unknown event]} when a value on the way is unknown;
# else {"evs": [], "spec": spec, "path": "spec.template.spec", "s": the read of the spec,
# "lists": {list: its containers, see containers_of}}.
pod_spec(r) := _pod_specs[r.urn] if {
	_input_view_of(r)
} else := _pod_spec(r)

# Every workload's pod spec with its containers, read once per evaluation rather than once per
# rule (most Kubernetes rules read them), by URN.
_pod_specs := {r.urn: pod |
	some type, _ in _positions_by_type
	_workload_kind(type)
	some r in resources_of_type(type)
	pod := _pod_spec(r)
}

# r is the view of an input resource (an analyzer input's resource is not).
_input_view_of(r) if input_views[_position_by_urn[r.urn]] == r

_pod_spec(r) := _pod_spec_result(s, keys) if {
	keys := _pod_spec_paths[workload_kind(r.type)]
	s := rd(r.props, props_at(r), keys)
}

_pod_spec_result(s, keys) := {"evs": unk(s)} if {
	s.k == "unk"
} else := _with_containers({"evs": [], "spec": s.v, "path": concat(".", keys), "s": s}) if {
	s.k == "val"
	is_object(s.v)
}

# The pod spec with the containers of each list (every rule that looks at containers reads them).
_with_containers(pod) := object.union(pod, {"lists": {list: _list_containers(pod, list) | some list in _container_lists}})

_container_lists := ["containers", "initContainers", "ephemeralContainers"]

_container_nouns := {"containers": "container", "initContainers": "init container", "ephemeralContainers": "ephemeral container"}

# `containersOf(pod, lists)`: {"evs": unknown reads (lists or items), "items": [container]}, where a
# container is {"c": object, "s": its read, "list", "i", "label": `container "app" (spec.containers[0])`}.
containers_of(pod, lists) := {
	"evs": [e | some list in lists; some e in pod.lists[list].evs],
	"items": [c | some list in lists; some c in pod.lists[list].items],
}

all_containers(pod) := containers_of(pod, _container_lists)

# The containers of one list: {"evs", "items"}, as containers_of.
_list_containers(pod, list) := {"evs": els.evs, "items": [_container(pod, list, item) | some item in els.items; is_object(item.v)]} if {
	els := elements(rd_key(pod.s, list))
}

_container(pod, list, item) := {
	"c": item.v,
	"s": item_read(item),
	"list": list,
	"i": item.i,
	"label": _container_label(_container_nouns[list], text_or(object.get(item.v, "name", null), ""), _where(pod, list, item.i)),
}

_where(pod, list, i) := concat("", [pod.path, ".", list, "[", format_int(i, 10), "]"])

_container_label(noun, name, where) := concat("", [noun, " \"", name, "\" (", where, ")"]) if {
	name != ""
} else := concat(" ", [noun, where])

# `pathOf(container, ...keys)` of a container.
c_rd(c, keys) := rd(c.s.v, c.s, keys)

# The pod spec read of `pod.spec[key]`.
pod_rd(pod, keys) := rd(pod.s.v, pod.s, keys)
