# What the data store rules share (the Rego twin of policies/hipaa/rules/aws/lib/{rds,redshift,
# elasticache,opensearch,props,stack}.ts where the existing aws/lib.rego has no twin): type tokens,
# `isPhi`, `engineFamily`, `isRedisLike`, `isFalse`, `arrayOf`, and joining resources
# (`refersTo`, `childrenOf`, `parentsOf`).
package phiguard

import rego.v1

ds_parameter_group := "aws:rds/parameterGroup:ParameterGroup"

ds_cluster_parameter_group := "aws:rds/clusterParameterGroup:ClusterParameterGroup"

ds_redshift_parameter_group := "aws:redshift/parameterGroup:ParameterGroup"

ds_redshift_logging := "aws:redshift/logging:Logging"

ds_replication_group := "aws:elasticache/replicationGroup:ReplicationGroup"

ds_cache_cluster := "aws:elasticache/cluster:Cluster"

ds_serverless_cache := "aws:elasticache/serverlessCache:ServerlessCache"

ds_dynamodb_table := "aws:dynamodb/table:Table"

ds_scaling_target := "aws:appautoscaling/target:Target"

ds_table_replica := "aws:dynamodb/tableReplica:TableReplica"

# `isPhi(props)` of a resource: {"evs": the unknown read, "v": tagged data-classification: phi}.
ds_is_phi(r) := {"evs": unk(tags), "v": false} if {
	tags := rd(r.props, props_at(r), ["tags"])
	tags.k == "unk"
} else := {"evs": unk(tag), "v": false} if {
	tag := rd(r.props, props_at(r), ["tags", "data-classification"])
	tag.k == "unk"
} else := {"evs": [], "v": ds_phi_tag(rd(r.props, props_at(r), ["tags", "data-classification"]))}

ds_phi_tag(tag) if {
	tag.k == "val"
	is_string(tag.v)
	lower(trim_space(tag.v)) == "phi"
} else := false

# `engineFamily(engine)` of a read that is not unknown; undefined for an engine that is not a
# string (TypeScript's toLowerCase throws there).
ds_engine_family(s) := ds_family_of("aurora") if {
	s.k == "none"
} else := ds_family_of("aurora") if {
	s.v == null
} else := ds_family_of(lower(s.v)) if {
	is_string(s.v)
}

ds_family_of(e) := "postgres" if {
	contains(e, "postgres")
} else := "mysql" if {
	ds_mysql_like(e)
} else := "sqlserver" if {
	ds_starts_with_any(e, ["sqlserver", "custom-sqlserver"])
} else := "oracle" if {
	ds_starts_with_any(e, ["oracle", "custom-oracle"])
} else := "db2" if {
	startswith(e, "db2")
} else := "other"

ds_mysql_like(e) if e == "aurora"

ds_mysql_like(e) if contains(e, "mysql")

ds_mysql_like(e) if contains(e, "mariadb")

ds_starts_with_any(e, prefixes) if {
	some p in prefixes
	startswith(e, p)
}

# `isRedisLike(engine)` of a read that is not unknown.
ds_is_redis_like(s) if {
	lower(js_string_or(s, "redis")) in {"redis", "valkey"}
}

# `isFalse(value)` (Redshift's string booleans) of a read.
ds_is_false(s) if is_val(s, false)

ds_is_false(s) if {
	s.k == "val"
	is_string(s.v)
	lower(trim_space(s.v)) == "false"
}

# `arrayOf(value)` of a read that is not unknown, as elements (see `elements`): [] for undefined
# or null, the elements of an array, else the value itself.
ds_array_items(s) := elements(s).all if {
	s.k == "val"
	is_array(s.v)
} else := [{"i": 0, "v": s.v, "o": s.o, "p": s.p, "u": false}] if {
	s.k == "val"
	s.v != null
} else := []

# `arrayOf(group.props.parameters).some((p) => String(p.name).toLowerCase() === name &&
# values.includes(String(p.value).toLowerCase()))`: {"evs", "v"}.
ds_sets_parameter(group, name, values) := {"evs": unk(params), "v": false} if {
	params := rd(group.props, props_at(group), ["parameters"])
	params.k == "unk"
} else := first_hit([ds_parameter_matches(item, name, values) |
	some item in ds_array_items(rd(group.props, props_at(group), ["parameters"]))
])

ds_parameter_matches(item, name, values) := {"evs": [item_u(item)], "v": false} if {
	item.u
} else := {"evs": unk(n), "v": false} if {
	n := item_key(item, "name")
	n.k == "unk"
} else := {"evs": text.evs, "v": false} if {
	text := ds_string(item_key(item, "name"))
	count(text.evs) > 0
} else := {"evs": [], "v": false} if {
	lower(js_string_read(item_key(item, "name"))) != name
} else := {"evs": unk(v), "v": false} if {
	v := item_key(item, "value")
	v.k == "unk"
} else := {"evs": text.evs, "v": false} if {
	text := ds_string(item_key(item, "value"))
	count(text.evs) > 0
} else := {"evs": [], "v": ds_in(lower(js_string_read(item_key(item, "value"))), values)}

ds_in(x, xs) if {
	x in xs
} else := false

# `arrayOf(props.logPublishingOptions).some((o) => o.logType === logType && o.enabled !== false &&
# hasValue(o, "cloudwatchLogGroupArn"))`: {"evs", "v"}.
ds_publishes_log(r, log_type) := {"evs": unk(s), "v": false} if {
	s := aws_prop(r, ["logPublishingOptions"])
	s.k == "unk"
} else := first_hit([ds_log_option(item, log_type) | some item in ds_array_items(aws_prop(r, ["logPublishingOptions"]))])

ds_log_option(item, log_type) := {"evs": [item_u(item)], "v": false} if {
	item.u
} else := {"evs": unk(t), "v": false} if {
	t := item_key(item, "logType")
	t.k == "unk"
} else := {"evs": [], "v": false} if {
	not is_val(item_key(item, "logType"), log_type)
} else := {"evs": unk(enabled), "v": false} if {
	enabled := item_key(item, "enabled")
	enabled.k == "unk"
} else := {"evs": [], "v": false} if {
	is_val(item_key(item, "enabled"), false)
} else := {"evs": [], "v": ds_has_value_bool(item.v, "cloudwatchLogGroupArn")}

ds_has_value_bool(obj, key) if {
	aws_has_value(obj, key)
} else := false

# `String(value ?? dflt)` of a read that is not unknown, as the props proxy sees it: joining an array
# reads its elements (nested arrays too), so an unknown element ends the rule there.
# {"evs": [that unknown read] or [], "t": the text}.
ds_string_or(s, dflt) := {"evs": [ds_element_u(s, first)], "t": ""} if {
	s.k == "val"
	is_array(s.v)
	first := ds_first_unknown_element(s.v)
} else := {"evs": [], "t": js_string_or(s, dflt)}

# `String(value)` of a read (undefined: "undefined").
ds_string(s) := ds_string_or(s, "null") if {
	s.k == "val"
} else := {"evs": [], "t": "undefined"}

# The path (of indexes) of the first unknown element of an array or of its nested arrays.
ds_first_unknown_element(v) := min({p |
	walk(v, [p, x])
	count(p) > 0
	is_unknown(x)
	every i in numbers.range(0, count(p) - 1) {
		is_array(ds_value_at(v, array.slice(p, 0, i)))
	}
})

ds_value_at(v, p) := v if {
	count(p) == 0
} else := x if {
	walk(v, [p, x])
}

ds_element_u(s, path) := {"u": concat(".", array.concat(s.p, [format_int(i, 10) | some i in path])), "s": secret_flag(ds_value_at(s.v, path)), "o": s.o}
