package phiguard

import rego.v1

# METADATA
# title: eks-node-group-hardened-launch-template
# description: "Managed node groups must use a launch template of this program that requires IMDSv2 (httpTokens: required) with a hop limit of 1, so pods cannot take the node's IAM role, and encrypts every EBS volume; without one EKS applies its own template, which the program does not control."
stack_deny_eks_node_group_hardened_launch_template contains msg if some msg in analyzer_stack_messages("eks-node-group-hardened-launch-template")

# One attempt per node group.
eks_node_group_hardened_launch_template := units_outcome([_eks_launch_template_unit(ng) | some ng in resources_of_type(eks_node_group_type)])

_eks_launch_template_unit(ng) := unk(lt) if {
	lt := rd(ng.props, props_at(ng), ["launchTemplate"])
	lt.k == "unk"
} else := [{"m": concat("", ["Node group ", ng.name, " has no launchTemplate: EKS's own template decides instance metadata and EBS encryption."]), "urn": ng.urn}] if {
	rd(ng.props, props_at(ng), ["launchTemplate"]).k == "none"
} else := template.evs if {
	template := _eks_launch_template_of(ng)
	count(template.evs) > 0
} else := [{"m": concat("", ["Node group ", ng.name, " uses a launch template that this program does not define, so its metadata and EBS settings cannot be checked."]), "urn": ng.urn}] if {
	not _eks_launch_template_of(ng).t
} else := array.concat(problems.evs, [{"m": concat("", ["Launch template ", t.name, " of node group ", ng.name, ": ", p, "."]), "urn": t.urn} | some p in problems.v]) if {
	t := _eks_launch_template_of(ng).t
	problems := eks_launch_template_problems(t, config("eks-node-group-hardened-launch-template", "maximumHopLimit", 1))
}

# `launchTemplateOf(nodeGroup, templates)`: {"evs", "t"?: the launch template resource}.
_eks_launch_template_of(ng) := {"evs": [], "t": computed[0]} if {
	computed := sources_of(ng, "launchTemplate", launch_template_type)
	count(computed) > 0
} else := {"evs": []} if {
	not is_literal(ng, "launchTemplate")
} else := {"evs": unk(name)} if {
	name := rd(ng.props, props_at(ng), ["launchTemplate", "name"])
	name.k == "unk"
} else := _eks_template_named(rd(ng.props, props_at(ng), ["launchTemplate", "name"]).v) if {
	is_string(rd(ng.props, props_at(ng), ["launchTemplate", "name"]).v)
} else := {"evs": []}

_eks_template_named(name) := _eks_template_found(templates, first_hit([_eks_template_has_name(t, name) | some t in templates])) if {
	templates := resources_of_type(launch_template_type)
}

_eks_template_found(templates, hit) := {"evs": hit.evs, "t": templates[hit.i]} if {
	hit.v
} else := {"evs": hit.evs}

_eks_template_has_name(t, name) := {"evs": [], "v": false} if {
	not is_literal(t, "name")
} else := {"evs": unk(n), "v": false} if {
	n := rd(t.props, props_at(t), ["name"])
	n.k == "unk"
} else := {"evs": [], "v": is_val_flag(rd(t.props, props_at(t), ["name"]), name)}

# `launchTemplateProblems(template.props, maximumHopLimit)`: {"evs", "v": [problem]}; every read
# happens before any problem is reported.
eks_launch_template_problems(t, maximum) := {"evs": array.concat(metadata.evs, volumes.evs), "v": array.concat(metadata.v, volumes.v)} if {
	metadata := _eks_metadata_problems(_or_empty(rd(t.props, props_at(t), ["metadataOptions"])), maximum, rd(t.props, props_at(t), ["metadataOptions"]))
	volumes := _eks_volume_problems(t)
}

_eks_metadata_problems(metadata, maximum, raw) := {"evs": unk(raw), "v": []} if {
	raw.k == "unk"
} else := {"evs": unk(endpoint), "v": []} if {
	endpoint := rd_key(metadata, "httpEndpoint")
	endpoint.k == "unk"
} else := {"evs": [], "v": []} if {
	is_val(rd_key(metadata, "httpEndpoint"), "disabled")
} else := {"evs": array.concat(array.concat(unk(tokens), tokens_text.evs), array.concat(unk(hops), hops_text.evs)), "v": array.concat(
	[concat("", ["metadataOptions.httpTokens is ", tokens_text.t, "; expected \"required\" (IMDSv2 only)"]) | not is_val(tokens, "required")],
	[concat("", ["metadataOptions.httpPutResponseHopLimit is ", hops_text.t, "; expected at most ", js_string(maximum), ", so pods cannot use the node's IAM role"]) | _eks_hops_too_many(hops, maximum)],
)} if {
	tokens := rd_key(metadata, "httpTokens")
	tokens_text := _not_set_or_json(tokens)
	hops := rd_key(metadata, "httpPutResponseHopLimit")
	hops_text := _not_set_or_json(hops)
}

_eks_hops_too_many(hops, _) if not is_number(value_or(hops, null))

_eks_hops_too_many(hops, maximum) if {
	is_number(value_or(hops, null))
	hops.v > maximum
}

# `x === undefined ? "not set" : JSON.stringify(x)`.
_not_set_or_json(s) := {"evs": [], "t": "not set"} if {
	s.k == "none"
} else := json_text(s)

_eks_volume_problems(t) := {"evs": array.concat(mappings.evs, array.concat(ebs_evs, checks_evs)), "v": array.concat(
	["blockDeviceMappings has no EBS volume with encrypted: true (the root volume's encryption is left to the AMI and account default)" | count(volumes) == 0],
	[c.problem | some c in checks; c.problem],
)} if {
	mappings := elements(rd(t.props, props_at(t), ["blockDeviceMappings"]))
	objects := [item | some item in mappings.items; is_object(item.v)]
	ebs_reads := [{"item": item, "ebs": item_key(item, "ebs")} | some item in objects]
	ebs_evs := [e | some x in ebs_reads; some e in unk(x.ebs)]
	volumes := [x | some x in ebs_reads; x.ebs.k == "val"; is_object(x.ebs.v)]
	checks := [_eks_volume_check(x) | some x in volumes]
	checks_evs := [e | some c in checks; some e in c.evs]
}

_eks_volume_check(x) := {"evs": array.concat(unk(encrypted), text.evs), "problem": concat("", [
	"the EBS volume ", text_or(object.get(x.item.v, "deviceName", null), "a volume"),
	" is not encrypted (ebs.encrypted is ", text.t, ")",
])} if {
	encrypted := rd_key(x.ebs, "encrypted")
	not is_val(encrypted, "true")
	not is_val(encrypted, true)
	text := _not_set_or_json(encrypted)
} else := {"evs": [], "problem": false}

catalog["eks-node-group-hardened-launch-template"] := _rule("stack_deny_eks_node_group_hardened_launch_template", {eks_node_group_type})

stack_rule_events("eks-node-group-hardened-launch-template") := eks_node_group_hardened_launch_template
