package phiguard

import rego.v1

# Joins (lib/resources.rego): children and parents through a property dependency or a literal name.

_res_t_bucket(name, props) := t_res("aws:s3/bucket:Bucket", name, props)

_res_t_child(name, props) := t_res("aws:s3/bucketVersioning:BucketVersioning", name, props)

_res_t_dep(r, property, source) := object.union(r, {"propertyDependencies": {property: [source.urn]}})

_res_t_names(rs) := [r.name | some r in rs]

test_children_of_by_dependency_and_literal_name_in_input_order if {
	logs := _res_t_bucket("logs", {"bucket": "logs-bucket"})
	data_bucket := _res_t_bucket("data", {"bucket": "data-bucket"})
	resources := [
		_res_t_child("by-arn", {"bucket": "arn:aws:s3:::logs-bucket"}),
		_res_t_dep(_res_t_child("by-dependency", {"bucket": t_unknown}), "bucket", logs),
		logs,
		_res_t_child("by-name", {"bucket": "logs-bucket"}),
		_res_t_child("by-path", {"bucket": "prefix/logs-bucket"}),
		_res_t_child("other", {"bucket": "data-bucket"}),
		_res_t_child("suffix-only", {"bucket": "my-logs-bucket"}),
		_res_t_dep(_res_t_child("depends-on-data", {"bucket": "logs-bucket"}), "bucket", data_bucket),
		data_bucket,
	]
	names := _res_t_names(children_of(view(logs), "aws:s3/bucketVersioning:BucketVersioning", "bucket", ["bucket"])) with input as t_plan(resources)
	names == ["by-arn", "by-dependency", "by-name", "by-path"]
	by_dependency := _res_t_names(children_of(view(logs), "aws:s3/bucketVersioning:BucketVersioning", "bucket", [])) with input as t_plan(resources)
	by_dependency == ["by-dependency"]
	_res_t_names(children_of(view(data_bucket), "aws:s3/bucketVersioning:BucketVersioning", "bucket", ["bucket"])) == ["other", "depends-on-data"] with input as t_plan(resources)
	children_of(view(logs), "aws:s3/bucketLogging:BucketLogging", "bucket", ["bucket"]) == [] with input as t_plan(resources)
}

test_parents_of_by_dependency_and_literal_name_in_input_order if {
	a := _res_t_bucket("a", {"bucket": "shared", "name": "x"})
	b := _res_t_bucket("b", {"bucket": "other", "name": "shared"})
	c := _res_t_bucket("c", {"bucket": "c"})
	child := _res_t_child("child", {"bucket": "arn:aws:s3:::shared"})
	resources := [child, c, b, a]
	_res_t_names(parents_of(view(child), "bucket", "aws:s3/bucket:Bucket", ["bucket", "name"])) == ["b", "a"] with input as t_plan(resources)
	_res_t_names(parents_of(view(child), "bucket", "aws:s3/bucket:Bucket", ["bucket"])) == ["a"] with input as t_plan(resources)
	computed := _res_t_dep(child, "bucket", c)
	_res_t_names(parents_of(view(computed), "bucket", "aws:s3/bucket:Bucket", ["bucket"])) == ["c"] with input as t_plan([computed, c, b, a])
	parents_of(view(computed), "bucket", "aws:kms/key:Key", ["bucket"]) == [] with input as t_plan([computed, c, b, a])
}

test_resources_of_type_keep_input_order if {
	resources := [_res_t_bucket("b1", {}), _res_t_child("v1", {}), _res_t_bucket("b2", {}), _res_t_child("v2", {}), _res_t_bucket("b3", {})]
	_res_t_names(resources_of_type("aws:s3/bucket:Bucket")) == ["b1", "b2", "b3"] with input as t_plan(resources)
	_res_t_names(resources_of_types({"aws:s3/bucket:Bucket", "aws:s3/bucketVersioning:BucketVersioning"})) == ["b1", "v1", "b2", "v2", "b3"] with input as t_plan(resources)
	resources_of_type("aws:kms/key:Key") == [] with input as t_plan(resources)
}

test_in_input_order_of_large_and_small_sets if {
	resources := [_res_t_bucket(format_int(i, 10), {}) | some i in numbers.range(0, 8)]
	_res_t_names(in_input_order({8, 0, 5})) == ["0", "5", "8"] with input as t_plan(resources)
	_res_t_names(in_input_order({8, 7, 6, 4, 3, 2, 1})) == ["1", "2", "3", "4", "6", "7", "8"] with input as t_plan(resources)
}

test_last_segment if {
	last_segment("arn:aws:s3:::logs") == "logs"
	last_segment("a/b:c/d") == "d"
	last_segment("plain") == "plain"
	last_segment("ends:") == ""
}
