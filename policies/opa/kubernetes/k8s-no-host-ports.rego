package phiguard

import rego.v1

# METADATA
# title: k8s-no-host-ports
# description: "Containers must not bind a hostPort: it publishes the container on the node's own address, outside Services, load balancer TLS and NetworkPolicy."
deny_k8s_no_host_ports contains msg if some msg in analyzer_messages("k8s-no-host-ports")

k8s_no_host_ports(r) := evs if {
	pod := pod_spec(r)
	evs := _k8s_no_host_ports(pod)
} else := []

_k8s_no_host_ports(pod) := pod.evs if count(pod.evs) > 0

_k8s_no_host_ports(pod) := array.concat(cs.evs, [e | some c in cs.items; some e in _k8s_host_ports_of(c)]) if {
	count(pod.evs) == 0
	cs := all_containers(pod)
}

_k8s_host_ports_of(c) := array.concat(unk(read), [e |
	some item in elements(read).all
	some e in array.concat(item_evs(item), _k8s_host_port(c, item))
]) if {
	read := c_rd(c, ["ports"])
}

_k8s_host_port(c, item) := array.concat(unk(host_port), [{"m": concat("", [c.label, " ports[", format_int(item.i, 10), "] binds hostPort ", js_string(host_port.v), "."])} |
	host_port.k == "val"
	host_port.v != null
	host_port.v != 0
]) if {
	not item.u
	host_port := item_key(item, "hostPort")
} else := []

catalog["k8s-no-host-ports"] := _rule("deny_k8s_no_host_ports", _workloads_and_patches)

k8s_rule_events("k8s-no-host-ports", r) := k8s_no_host_ports(r)
