package phiguard

import rego.v1

# METADATA
# title: ec2-ebs-encrypted-with-cmk
# description: "The EBS volumes that instances, launch templates and launch configurations create are declared, encrypted, and encrypted with a customer managed KMS key."
deny_ec2_ebs_encrypted_with_cmk contains msg if some msg in analyzer_messages("ec2-ebs-encrypted-with-cmk")

# `volumesOf(type, props)` reads every volume first; then each volume is checked and reported in turn.
aws_ec2_ebs_encrypted_with_cmk(r) := [] if {
	net_from_launch_template(r, "rootBlockDevice")
} else := volumes.evs if {
	volumes := _ec2_ebs_volumes(r)
	count(volumes.evs) > 0
} else := [{"m": concat("", ["the ", net_launch_kind(r.type), " declares no EBS volume, so its volumes come from the AMI's mappings and are encrypted only if the account enables EBS encryption by default."])}] if {
	count(_ec2_ebs_volumes(r).list) == 0
} else := [e |
	some v in _ec2_ebs_volumes(r).list
	some e in _ec2_ebs_volume_events(v)
]

# {"evs": the first unknown read, "list": [{"where", "s": the volume's settings as a read}]}.
_ec2_ebs_volumes(r) := {"evs": array.slice(evs, 0, 1), "list": [v | some m in mappings; v := m.volume]} if {
	r.type == net_launch_template_type
	arr := net_array_of(aws_prop(r, ["blockDeviceMappings"]))
	mappings := [_ec2_ebs_mapping(item) | some item in arr.items]
	evs := array.concat(arr.evs, [e | some m in mappings; some e in m.evs])
} else := {"evs": array.slice(evs, 0, 1), "list": array.concat(roots.list, [{"where": concat("", ["ebsBlockDevices[", format_int(item.i, 10), "]"]), "s": item.s} | some item in devices.items])} if {
	root := aws_prop(r, ["rootBlockDevice"])
	roots := _ec2_ebs_roots(r, root)
	devices := _ec2_ebs_devices(r, root, roots)
	evs := array.concat(array.concat(unk(root), roots.evs), array.concat(devices.evs, [e | some item in devices.items; some e in item.evs]))
}

_ec2_ebs_mapping(item) := {"evs": array.concat(item.evs, unk(ebs)), "volume": {"where": concat("", ["blockDeviceMappings[", format_int(item.i, 10), "].ebs"]), "s": ebs}} if {
	ebs := rd_key(item.s, "ebs")
	net_truthy(ebs)
} else := {"evs": array.concat(item.evs, unk(rd_key(item.s, "ebs")))}

# `rootList`: the elements of a launch configuration's rootBlockDevice array, or [root] when truthy.
_ec2_ebs_roots(r, root) := {"evs": [e | some item in arr.items; some e in item.evs], "list": [{"where": "rootBlockDevice", "s": item.s} | some item in arr.items]} if {
	r.type == net_launch_configuration_type
	root.k == "val"
	is_array(root.v)
	arr := net_array_of(root)
} else := {"evs": [], "list": [{"where": "rootBlockDevice", "s": root}]} if {
	net_truthy(root)
} else := {"evs": [], "list": []}

# ebsBlockDevices is read only when the reads before were known.
_ec2_ebs_devices(r, root, roots) := {"evs": [], "items": []} if {
	count(array.concat(unk(root), roots.evs)) > 0
} else := net_array_of(aws_prop(r, ["ebsBlockDevices"]))

_ec2_ebs_volume_events(v) := unk(encrypted) if {
	encrypted := rd_key(v.s, "encrypted")
	encrypted.k == "unk"
} else := [{"m": concat("", [v.where, " is not encrypted."])}] if {
	not net_is_true(rd_key(v.s, "encrypted"))
} else := [{"m": concat("", [v.where, ": ", problem, "."])} | problem := aws_customer_key_problem(v.s.v, "kmsKeyId")]

catalog["ec2-ebs-encrypted-with-cmk"] := _rule("deny_ec2_ebs_encrypted_with_cmk", {"aws:ec2/instance:Instance", "aws:ec2/launchTemplate:LaunchTemplate", "aws:ec2/launchConfiguration:LaunchConfiguration"})

resource_rule_events("ec2-ebs-encrypted-with-cmk", r) := aws_ec2_ebs_encrypted_with_cmk(r)
