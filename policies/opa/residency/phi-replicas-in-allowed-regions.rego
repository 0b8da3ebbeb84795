package phiguard

import rego.v1

# METADATA
# title: phi-replicas-in-allowed-regions
# description: "Copies of PHI go only to allowed regions (policy config allowedRegions; default us-east-1, us-east-2, us-west-1, us-west-2): S3 replication destinations of PHI buckets, DynamoDB replicas of PHI tables, replica keys of PHI KMS keys, members of PHI Aurora global databases, and the vaults AWS Backup plans copy recovery points to."
stack_deny_phi_replicas_in_allowed_regions contains msg if some msg in analyzer_stack_messages("phi-replicas-in-allowed-regions")

_res_replicas_id := "phi-replicas-in-allowed-regions"

# `checkResource(owner, what, target)`: where `target` lands, reported on `owner`.
_res_replicas_check(owner, what, target) := p.evs if {
	p := res_placement(target, res_default_region(_res_replicas_id))
	p.k == "unknown"
} else := [res_unplaced(owner, concat("", [res_describe(owner), ": ", what]))] if {
	res_placement(target, res_default_region(_res_replicas_id)).k == "none"
} else := _res_replicas_region(owner, what, res_placement(target, res_default_region(_res_replicas_id)).region)

# `checkRegion(owner, what, region)`.
_res_replicas_region(owner, what, region) := [{"urn": owner.urn, "m": concat("", [res_describe(owner), ": ", what, " is in ", region, res_allowed_text(_res_replicas_id)])}] if {
	res_outside(_res_replicas_id, region)
} else := []

# S3 replication of PHI buckets.
_res_replicas_s3 := [_res_replicas_s3_config(c) | some c in resources_of_type("aws:s3/bucketReplicationConfig:BucketReplicationConfig")]

_res_replicas_s3_config(c) := phi.evs if {
	phi := _res_replicas_s3_phi(c)
	count(phi.evs) > 0
} else := [] if {
	not _res_replicas_s3_phi(c).v
} else := [e |
	some d in _res_replicas_s3_destinations(c)
	some e in _res_replicas_check(c, concat("", ["replication destination bucket '", d.name, "'"]), d)
] if {
	count(_res_replicas_s3_destinations(c)) > 0
} else := array.concat([e | some item in rules.items; some e in _res_replicas_s3_rule(c, item)], rules.evs) if {
	rules := pd_array_of(rd(c.props, props_at(c), ["rules"]))
}

_res_replicas_s3_sources(c) := parents_of(c, "bucket", "aws:s3/bucket:Bucket", ["bucket"])

_res_replicas_s3_phi(c) := first_hit([res_holds_phi(s) | some s in sources]) if {
	sources := _res_replicas_s3_sources(c)
	count(sources) > 0
} else := res_holds_phi(c)

_res_replicas_s3_destinations(c) := [d |
	source_urns := {s.urn | some s in _res_replicas_s3_sources(c)}
	some d in property_sources(c, "rules")
	d.type == "aws:s3/bucket:Bucket"
	not d.urn in source_urns
]

_res_replicas_s3_rule(c, item) := res_type_error if {
	item.v == null
} else := unk(b) if {
	b := rd_key(rd_key(item, "destination"), "bucket")
	b.k == "unk"
} else := text.evs if {
	text := ds_string_or(rd_key(rd_key(item, "destination"), "bucket"), "")
	count(text.evs) > 0
} else := _res_replicas_s3_arn(c, ds_string_or(rd_key(rd_key(item, "destination"), "bucket"), "").t)

_res_replicas_s3_arn(c, arn) := _res_replicas_check(c, concat("", ["replication destination bucket '", bucket.name, "'"]), bucket) if {
	name := _res_replicas_bucket_name(arn)
	buckets := [b | some b in resources_of_type("aws:s3/bucket:Bucket"); b.props.bucket == name]
	count(buckets) > 0
	bucket := buckets[0]
} else := [res_advisory(c, concat("", [res_describe(c), ": replication destination '", arn, "' is not a bucket of this stack, so its region cannot be verified."]))]

# `arn.replace(/^arn:[^:]+:s3:::/, "")`.
_res_replicas_bucket_name(arn) := substring(arn, count(prefix), -1) if {
	prefix := regex.find_all_string_submatch_n(`^arn:[^:]+:s3:::`, arn, 1)[0][0]
} else := arn

# DynamoDB global tables holding PHI.
_res_replicas_dynamodb := [_res_replicas_table(t) | some t in resources_of_types({"aws:dynamodb/table:Table", "aws:dynamodb/globalTable:GlobalTable"})]

_res_replicas_table(t) := phi.evs if {
	phi := res_holds_phi(t)
	count(phi.evs) > 0
} else := [] if {
	not res_holds_phi(t).v
} else := array.concat(
	array.concat([e | some item in replicas.items; some e in _res_replicas_table_replica(t, item)], replicas.evs),
	[e |
		some replica in children_of(t, "aws:dynamodb/tableReplica:TableReplica", "globalTableArn", [])
		some e in _res_replicas_check(t, concat("", ["replica '", replica.name, "'"]), replica)
	],
) if {
	replicas := pd_array_of(rd(t.props, props_at(t), ["replicas"]))
}

_res_replicas_table_replica(t, item) := res_type_error if {
	item.v == null
} else := unk(s) if {
	s := rd_key(item, "regionName")
	s.k == "unk"
} else := text.evs if {
	text := ds_string(rd_key(item, "regionName"))
	count(text.evs) > 0
} else := _res_replicas_region(t, "a replica", ds_string(rd_key(item, "regionName")).t)

# Replica keys of PHI keys.
_res_replicas_kms := [_res_replicas_key(k) | some k in resources_of_type("aws:kms/replicaKey:ReplicaKey")]

_res_replicas_key(k) := phi.evs if {
	phi := _res_replicas_key_phi(k)
	count(phi.evs) > 0
} else := [] if {
	not _res_replicas_key_phi(k).v
} else := _res_replicas_check(k, "the replica key", k)

_res_replicas_key_phi(k) := first_hit(array.concat([res_holds_phi(k)], [res_holds_phi(p) | some p in parents_of(k, "primaryKeyArn", "aws:kms/key:Key", [])]))

# Aurora global databases holding PHI.
_res_replicas_rds := [_res_replicas_global(g) | some g in resources_of_type("aws:rds/globalCluster:GlobalCluster")]

_res_replicas_global(g) := phi.evs if {
	phi := _res_replicas_global_phi(g)
	count(phi.evs) > 0
} else := [] if {
	not _res_replicas_global_phi(g).v
} else := [e |
	some cluster in _res_replicas_clusters(g)
	some e in _res_replicas_check(g, concat("", ["member cluster '", cluster.name, "'"]), cluster)
]

_res_replicas_clusters(g) := [c |
	some i, c in all
	not c.urn in {x.urn | some x in array.slice(all, 0, i)}
] if {
	sources := parents_of(g, "sourceDbClusterIdentifier", "aws:rds/cluster:Cluster", ["clusterIdentifier"])
	members := children_of(g, "aws:rds/cluster:Cluster", "globalClusterIdentifier", ["globalClusterIdentifier"])
	all := array.concat(sources, members)
}

_res_replicas_global_phi(g) := first_hit(array.concat([res_holds_phi(g)], [res_holds_phi(c) | some c in _res_replicas_clusters(g)]))

# AWS Backup plans: the vaults they back up to and copy to.
_res_replicas_backup := [_res_replicas_plan(p) | some p in resources_of_type("aws:backup/plan:Plan")]

_res_replicas_plan(p) := phi.evs if {
	phi := res_may_hold_phi(p)
	count(phi.evs) > 0
} else := [] if {
	not res_may_hold_phi(p).v
} else := array.concat(
	[e |
		some vault in _res_replicas_vaults(p)
		some e in _res_replicas_check(p, concat("", ["backup vault '", vault.name, "'"]), vault)
	],
	array.concat([e | some item in rules.items; some e in _res_replicas_backup_rule(p, item)], rules.evs),
) if {
	rules := pd_array_of(rd(p.props, props_at(p), ["rules"]))
}

_res_replicas_vaults(p) := [d | some d in property_sources(p, "rules"); d.type == "aws:backup/vault:Vault"]

_res_replicas_backup_rule(p, item) := res_type_error if {
	item.v == null
} else := unk(s) if {
	s := rd_key(item, "copyActions")
	s.k == "unk"
} else := array.concat([e | some copy in copies.items; some e in _res_replicas_copy(p, copy)], copies.evs) if {
	copies := pd_array_of(rd_key(item, "copyActions"))
}

_res_replicas_copy(p, copy) := [] if {
	not _res_replicas_copy_has_arn(copy)
} else := _res_replicas_copy_arn(p, copy.v.destinationVaultArn) if {
	is_string(copy.v.destinationVaultArn)
} else := unk(rd_key(copy, "destinationVaultArn")) if {
	count(_res_replicas_vaults(p)) == 0
} else := []

_res_replicas_copy_has_arn(copy) if {
	copy.k == "val"
	res_has_value(copy.v, "destinationVaultArn")
}

_res_replicas_copy_arn(p, arn) := _res_replicas_region(p, concat("", ["copy destination vault '", arn, "'"]), region) if {
	region := split(arn, ":")[3]
	region != ""
} else := [res_advisory(p, concat("", [res_describe(p), ": copy destination '", arn, "' names no region, so residency cannot be verified."]))]

catalog["phi-replicas-in-allowed-regions"] := _rule("stack_deny_phi_replicas_in_allowed_regions", {
	"aws:s3/bucketReplicationConfig:BucketReplicationConfig",
	"aws:dynamodb/table:Table",
	"aws:dynamodb/globalTable:GlobalTable",
	"aws:kms/replicaKey:ReplicaKey",
	"aws:rds/globalCluster:GlobalCluster",
	"aws:backup/plan:Plan",
})

# Every relation is checked, each resource in turn (forEachDeferred within forEachDeferred).
stack_rule_events("phi-replicas-in-allowed-regions") := res_units_outcome(array.concat(
	array.concat(array.concat(_res_replicas_s3, _res_replicas_dynamodb), array.concat(_res_replicas_kms, _res_replicas_rds)),
	_res_replicas_backup,
))
