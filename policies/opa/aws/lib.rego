# What the AWS rules share (the Rego twin of policies/hipaa/rules/aws/lib): type tokens, the
# AWS rules' own `hasValue` (an empty array is no value), customer managed key references, and the
# one-property checks most AWS rules are made of.
package phiguard

import rego.v1

aws_db_instance := "aws:rds/instance:Instance"

aws_db_cluster := "aws:rds/cluster:Cluster"

aws_cluster_instance := "aws:rds/clusterInstance:ClusterInstance"

aws_stage := "aws:apigateway/stage:Stage"

aws_v2_load_balancers := {"aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"}

aws_domain_types := {"aws:opensearch/domain:Domain", "aws:elasticsearch/domain:Domain"}

aws_redshift_cluster := "aws:redshift/cluster:Cluster"

aws_notebook := "aws:sagemaker/notebookInstance:NotebookInstance"

# `dbKind(type)`.
aws_db_kind(type) := "DB cluster" if {
	type == aws_db_cluster
} else := "cluster instance" if {
	type == aws_cluster_instance
} else := "DB instance"

# The AWS rules' `hasValue(obj, key)`: present, not null, not "", not an empty array (a value unknown
# at preview counts); read without the unknown check.
aws_has_value(obj, key) if {
	has_value(obj, key)
	not _empty_array(obj[key])
}

_empty_array(v) if {
	is_array(v)
	count(v) == 0
}

# `customerKeyProblem(obj, key)`: why obj[key] does not name a customer managed KMS key; undefined
# when it does (a key's output, or a literal key or alias ARN that is not `alias/aws/...`).
aws_customer_key_problem(obj, key) := concat("", ["no ", key, " is set"]) if {
	not aws_has_value(obj, key)
} else := concat("", [key, " is the AWS managed key '", obj[key], "', not a customer managed key"]) if {
	is_string(obj[key])
	regex.match(`(^|:)alias/aws/`, obj[key])
}

# A read of the resource's props.
aws_prop(r, keys) := rd(r.props, props_at(r), keys)

# `arrayOf(value).length` of a read: 0 for undefined or null, the length of an array, else 1.
aws_array_length(s) := 0 if {
	s.k != "val"
} else := 0 if {
	s.v == null
} else := count(s.v) if {
	is_array(s.v)
} else := 1

# Reports `message` unless the value at `keys` is true (`props.a?.b !== true`).
aws_unless_true(r, keys, message) := array.concat(unk(s), [{"m": message} | s.k != "unk"; not is_val(s, true)]) if {
	s := aws_prop(r, keys)
}

# Reports `message` when the value at `keys` is exactly `value` (`props.a === value`).
aws_when_equal(r, keys, value, message) := array.concat(unk(s), [{"m": message} | is_val(s, value)]) if {
	s := aws_prop(r, keys)
}

# Reports `message` unless `hasValue(props.a..., key)` (the object read first, when keys are given).
aws_unless_has_value(r, keys, key, message) := [{"m": message} | not aws_has_value(r.props, key)] if {
	count(keys) == 0
} else := array.concat(unk(s), [{"m": message} | s.k != "unk"; not aws_has_value(value_or(s, null), key)]) if {
	s := aws_prop(r, keys)
}

# Reports `customerKeyProblem(props, key) + suffix`.
aws_customer_key(r, key, suffix) := [{"m": concat("", [problem, suffix])} | problem := aws_customer_key_problem(r.props, key)]

# JavaScript's ToNumber for the values rules compare with `<`: undefined for NaN.
js_number(v) := v if {
	is_number(v)
} else := 1 if {
	v == true
} else := 0 if {
	v == false
} else := 0 if {
	v == null
} else := _js_number_of_string(v) if {
	is_string(v)
} else := _js_number_of_string(js_string(v)) if {
	is_array(v)
}

_js_number_of_string(s) := 0 if {
	trim_space(s) == ""
} else := to_number(trim_space(s)) if {
	regex.match(`^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$`, trim_space(s))
}

# `value < n` in JavaScript, for a read (false for undefined and NaN).
js_less(s, n) if {
	s.k == "val"
	js_number(s.v) < n
}

js_less_or_equal(s, n) if {
	s.k == "val"
	js_number(s.v) <= n
}

# `String(value ?? fallback)` of a read.
js_string_or(s, fallback) := js_string(s.v) if {
	s.k == "val"
	s.v != null
} else := fallback
