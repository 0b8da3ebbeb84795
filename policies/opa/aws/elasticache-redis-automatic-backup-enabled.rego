package phiguard

import rego.v1

# METADATA
# title: elasticache-redis-automatic-backup-enabled
# description: "ElastiCache Redis and Valkey replication groups and cache clusters keep automatic snapshots for at least 15 days (snapshotRetentionLimit; the default 0 takes none)."
deny_elasticache_redis_automatic_backup_enabled contains msg if some msg in analyzer_messages("elasticache-redis-automatic-backup-enabled")

# Cache clusters of a replication group and engines without snapshots are not checked
# (args.notApplicable).
aws_elasticache_redis_automatic_backup_enabled(r) := [] if {
	r.type == ds_cache_cluster
	aws_has_value(r.props, "replicationGroupId")
} else := unk(engine) if {
	engine := aws_prop(r, ["engine"])
	engine.k == "unk"
} else := ds_string_or(aws_prop(r, ["engine"]), "redis").evs if {
	count(ds_string_or(aws_prop(r, ["engine"]), "redis").evs) > 0
} else := [] if {
	not ds_is_redis_like(aws_prop(r, ["engine"]))
} else := ds_string(days).evs if {
	days := aws_prop(r, ["snapshotRetentionLimit"])
	count(ds_string(days).evs) > 0
} else := array.concat(unk(days), [{"m": concat("", ["snapshotRetentionLimit is ", js_string_or(days, "not set (0: no automatic snapshots)"), "; expected at least 15."])} | days.k != "unk"; _elasticache_redis_automatic_backup_enabled_low(days)]) if {
	days := aws_prop(r, ["snapshotRetentionLimit"])
}

_elasticache_redis_automatic_backup_enabled_low(days) if days.k == "none"

_elasticache_redis_automatic_backup_enabled_low(days) if js_less(days, 15)

catalog["elasticache-redis-automatic-backup-enabled"] := _rule("deny_elasticache_redis_automatic_backup_enabled", {ds_replication_group, ds_cache_cluster})

resource_rule_events("elasticache-redis-automatic-backup-enabled", r) := aws_elasticache_redis_automatic_backup_enabled(r)
