package phiguard

import rego.v1

# METADATA
# title: k8s-image-pinned-by-digest
# description: "Container images must be pinned by digest (image@sha256:...), or come with a fixed, non-latest tag from a registry listed in allowedRegistries (one with immutable tags), so what runs is exactly what was scanned and approved."
deny_k8s_image_pinned_by_digest contains msg if some msg in analyzer_messages("k8s-image-pinned-by-digest")

k8s_image_pinned_by_digest(r) := evs if {
	pod := pod_spec(r)
	evs := _k8s_image_pinned_by_digest(pod)
} else := []

_k8s_image_pinned_by_digest(pod) := pod.evs if count(pod.evs) > 0

_k8s_image_pinned_by_digest(pod) := array.concat(cs.evs, [e | some c in cs.items; some e in _k8s_image_of(c, registries)]) if {
	count(pod.evs) == 0
	cs := all_containers(pod)
	registries := [x | some x in config("k8s-image-pinned-by-digest", "allowedRegistries", []); is_string(x)]
}

_k8s_image_of(c, registries) := array.concat(unk(image), _k8s_image_report(c, image, registries)) if {
	image := c_rd(c, ["image"])
}

_k8s_image_report(c, image, registries) := [{"m": concat("", [c.label, " has no image."])}] if {
	image.k != "unk"
	not _non_blank_string(image)
} else := [] if {
	image.k == "unk"
} else := [] if {
	ref := parse_image(image.v)
	_pinned(ref)
} else := _k8s_image_registry_report(c, image.v, parse_image(image.v), registries)

_non_blank_string(s) if {
	s.k == "val"
	is_string(s.v)
	trim_space(s.v) != ""
}

_pinned(ref) if regex.match(`@sha256:[0-9a-f]{64}$`, concat("", ["@", ref.digest]))

_k8s_image_registry_report(c, image, ref, registries) := [{"m": concat("", [c.label, " image \"", image, "\" is from allowed registry \"", registry, "\" but has no fixed tag (blank or latest)."])} |
	object.get(ref, "tag", "") in {"", "latest"}
] if {
	registry := _first_registry(ref.name, registries)
} else := [{"m": concat("", [c.label, " image \"", image, "\" is not pinned by digest and is not from an allowed registry (", concat(", ", registries), ")."])}] if {
	count(registries) > 0
} else := [{"m": concat("", [c.label, " image \"", image, "\" is not pinned by digest (@sha256:...)."])}]

_first_registry(name, registries) := registries[i] if {
	i := min({j | some j, registry in registries; from_registry(name, registry)})
}

# `parseImage(image)`: {"name", "tag"?, "digest"?} of `registry/path:tag@digest`.
parse_image(image) := object.union(_image_name_tag(rest), digest) if {
	trimmed := trim_space(image)
	at := indexof(trimmed, "@")
	rest := _before(trimmed, at)
	digest := _image_digest(trimmed, at)
}

_before(s, i) := substring(s, 0, i) if i >= 0

_before(s, i) := s if i < 0

_image_digest(s, i) := {"digest": substring(s, i + 1, -1)} if i >= 0

_image_digest(_, i) := {} if i < 0

_image_name_tag(rest) := {"name": substring(rest, 0, colon), "tag": substring(rest, colon + 1, -1)} if {
	colon := last_index(rest, ":")
	colon > last_index(rest, "/")
} else := {"name": rest}

# The index of the last `sep` in `s`, or -1.
last_index(s, sep) := (count(s) - count(parts[count(parts) - 1])) - count(sep) if {
	parts := split(s, sep)
	count(parts) > 1
} else := -1

# `fromRegistry(name, registry)`: the image name lies under the registry prefix, `*` matching within
# one path segment.
from_registry(name, registry) if {
	prefix := trim_right(registry, "/")
	prefix != ""
	pattern := concat("", [_regex_char(m[0]) | some m in regex.find_all_string_submatch_n(`(?s).`, prefix, -1)])
	regex.match(concat("", ["^", pattern, "/"]), name)
}

_regex_char(ch) := "[^/]*" if ch == "*"

_regex_char(ch) := concat("", ["\\", ch]) if {
	ch != "*"
	contains(".+?^${}()|[]\\", ch)
}

_regex_char(ch) := ch if {
	ch != "*"
	not contains(".+?^${}()|[]\\", ch)
}

catalog["k8s-image-pinned-by-digest"] := _rule("deny_k8s_image_pinned_by_digest", workload_types)

k8s_rule_events("k8s-image-pinned-by-digest", r) := k8s_image_pinned_by_digest(r)
