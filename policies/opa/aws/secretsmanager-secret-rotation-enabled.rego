package phiguard

import rego.v1

# METADATA
# title: secretsmanager-secret-rotation-enabled
# description: "Secrets Manager secrets rotate automatically (an aws.secretsmanager.SecretRotation whose secretId names the secret)."
stack_warn_secretsmanager_secret_rotation_enabled contains msg if some msg in analyzer_stack_messages("secretsmanager-secret-rotation-enabled")

# One attempt per secret: its rotations' rotationEnabled are read until one is not false.
net_secretsmanager_secret_rotation_enabled := units_outcome([_secret_rotation_unit(secret) |
	some secret in resources_of_type("aws:secretsmanager/secret:Secret")
])

_secret_rotation_unit(secret) := [{"m": "no aws.secretsmanager.SecretRotation rotates this secret.", "urn": secret.urn}] if {
	count(_secret_rotations(secret)) == 0
} else := hit.evs if {
	hit := first_hit([_secret_rotation_not_disabled(rotation) | some rotation in _secret_rotations(secret)])
	count(hit.evs) > 0
} else := [] if {
	first_hit([_secret_rotation_not_disabled(rotation) | some rotation in _secret_rotations(secret)]).v
} else := [{"m": "the secret's rotation is disabled.", "urn": secret.urn}]

_secret_rotations(secret) := children_of(secret, "aws:secretsmanager/secretRotation:SecretRotation", "secretId", ["name"])

_secret_rotation_not_disabled(rotation) := {"evs": unk(s), "v": s.k != "unk"} if {
	s := rd(rotation.props, props_at(rotation), ["rotationEnabled"])
	not is_val(s, false)
} else := {"evs": [], "v": false}

catalog["secretsmanager-secret-rotation-enabled"] := _rule("stack_warn_secretsmanager_secret_rotation_enabled", {"aws:secretsmanager/secret:Secret"})

stack_rule_events("secretsmanager-secret-rotation-enabled") := net_secretsmanager_secret_rotation_enabled
