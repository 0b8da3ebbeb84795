package phiguard

import rego.v1

# METADATA
# title: elasticache-encrypted-at-rest-with-cmk
# description: "ElastiCache replication groups encrypt data at rest (atRestEncryptionEnabled) with a customer managed KMS key, and serverless caches use a customer managed key."
deny_elasticache_encrypted_at_rest_with_cmk contains msg if some msg in analyzer_messages("elasticache-encrypted-at-rest-with-cmk")

# A replication group of a Redis-like engine sets atRestEncryptionEnabled (other engines are not
# checked: args.notApplicable); then the key, of replication groups and serverless caches.
aws_elasticache_encrypted_at_rest_with_cmk(r) := _elasticache_encrypted_at_rest_with_cmk_key(r) if {
	r.type != ds_replication_group
} else := unk(engine) if {
	engine := aws_prop(r, ["engine"])
	engine.k == "unk"
} else := ds_string_or(aws_prop(r, ["engine"]), "redis").evs if {
	count(ds_string_or(aws_prop(r, ["engine"]), "redis").evs) > 0
} else := [] if {
	not ds_is_redis_like(aws_prop(r, ["engine"]))
} else := unk(s) if {
	s := aws_prop(r, ["atRestEncryptionEnabled"])
	s.k == "unk"
} else := [{"m": "atRestEncryptionEnabled is not true, so snapshots and swap are stored unencrypted."}] if {
	s := aws_prop(r, ["atRestEncryptionEnabled"])
	not is_val(s, true)
	not is_val(s, "true")
} else := _elasticache_encrypted_at_rest_with_cmk_key(r)

_elasticache_encrypted_at_rest_with_cmk_key(r) := aws_customer_key(r, "kmsKeyId", ", so the cache uses the AWS managed key.")

catalog["elasticache-encrypted-at-rest-with-cmk"] := _rule("deny_elasticache_encrypted_at_rest_with_cmk", {ds_replication_group, ds_serverless_cache})

resource_rule_events("elasticache-encrypted-at-rest-with-cmk", r) := aws_elasticache_encrypted_at_rest_with_cmk(r)
