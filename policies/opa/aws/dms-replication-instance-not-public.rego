package phiguard

import rego.v1

# METADATA
# title: dms-replication-instance-not-public
# description: "DMS replication instances are not publicly accessible (publiclyAccessible: false set explicitly: AWS makes an instance public when the argument is left out)."
deny_dms_replication_instance_not_public contains msg if some msg in analyzer_messages("dms-replication-instance-not-public")

aws_dms_replication_instance_not_public(r) := _dms_replication_instance_not_public(aws_prop(r, ["publiclyAccessible"]))

_dms_replication_instance_not_public(s) := unk(s) if {
	s.k == "unk"
} else := [{"m": "publiclyAccessible is true."}] if {
	is_val(s, true)
} else := [{"m": "publiclyAccessible is not set, and AWS then gives the instance a public IP address."}] if {
	s.k == "none"
} else := []

catalog["dms-replication-instance-not-public"] := _rule("deny_dms_replication_instance_not_public", {"aws:dms/replicationInstance:ReplicationInstance"})

resource_rule_events("dms-replication-instance-not-public", r) := aws_dms_replication_instance_not_public(r)
