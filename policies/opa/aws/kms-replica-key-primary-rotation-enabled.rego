package phiguard

import rego.v1

# METADATA
# title: kms-replica-key-primary-rotation-enabled
# description: "Every KMS replica key's primary key (which the replica inherits its key material and rotation from) is in the stack and has automatic rotation enabled."
stack_deny_kms_replica_key_primary_rotation_enabled contains msg if some msg in analyzer_stack_messages("kms-replica-key-primary-rotation-enabled")

_kms_replica_type := "aws:kms/replicaKey:ReplicaKey"

_kms_key_type := "aws:kms/key:Key"

aws_kms_replica_key_primary_rotation_enabled := pd_stack([_kms_replica_unit(replica) | some replica in resources_of_type(_kms_replica_type)])

_kms_replica_unit(replica) := [{"m": "the replica's primaryKeyArn does not come from a key in this stack, so its rotation cannot be checked.", "urn": replica.urn}] if {
	count(_kms_replica_primaries(replica)) == 0
} else := [e |
	some primary in _kms_replica_primaries(replica)
	enabled := pd_prop(primary, ["enableKeyRotation"])
	some e in array.concat(unk(enabled), [{"m": concat("", ["primary key '", primary.name, "' does not have enableKeyRotation: true, so this replica never rotates."]), "urn": replica.urn} |
		enabled.k != "unk"
		not is_val(enabled, true)
	])
]

_kms_replica_primaries(replica) := parents_of(replica, "primaryKeyArn", _kms_key_type, [])

catalog["kms-replica-key-primary-rotation-enabled"] := _rule("stack_deny_kms_replica_key_primary_rotation_enabled", {"aws:kms/replicaKey:ReplicaKey"})

stack_rule_events("kms-replica-key-primary-rotation-enabled") := aws_kms_replica_key_primary_rotation_enabled
