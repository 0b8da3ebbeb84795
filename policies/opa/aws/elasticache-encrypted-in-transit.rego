package phiguard

import rego.v1

# METADATA
# title: elasticache-encrypted-in-transit
# description: "ElastiCache replication groups and standalone cache clusters require TLS (transitEncryptionEnabled: true, and not transitEncryptionMode 'preferred', which still accepts plain connections)."
deny_elasticache_encrypted_in_transit contains msg if some msg in analyzer_messages("elasticache-encrypted-in-transit")

# A cache cluster of a replication group is not checked (args.notApplicable).
aws_elasticache_encrypted_in_transit(r) := [] if {
	r.type == ds_cache_cluster
	aws_has_value(r.props, "replicationGroupId")
} else := unk(s) if {
	s := aws_prop(r, ["transitEncryptionEnabled"])
	s.k == "unk"
} else := [{"m": "transitEncryptionEnabled is not true, so clients connect without TLS."}] if {
	not is_val(aws_prop(r, ["transitEncryptionEnabled"]), true)
} else := [] if {
	r.type != ds_replication_group
} else := aws_when_equal(r, ["transitEncryptionMode"], "preferred", "transitEncryptionMode is 'preferred', so unencrypted connections are still accepted.")

catalog["elasticache-encrypted-in-transit"] := _rule("deny_elasticache_encrypted_in_transit", {ds_replication_group, ds_cache_cluster})

resource_rule_events("elasticache-encrypted-in-transit", r) := aws_elasticache_encrypted_in_transit(r)
