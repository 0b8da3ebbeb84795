# Resources as the rules see them, from either input:
#
# - phiguard's Plan (cli/plan.ts), whole, for the `findings` entrypoint: input.resources[] with
#   urn, type, name, props, parent, provider (a URN), dependencies, propertyDependencies, region;
# - Pulumi's OPA analyzer (pulumi-policy-opa, `runtime: opa`): one resource per evaluation of a
#   deny_/warn_ rule (input.__type, input.__urn, input.__name, input.__properties,
#   input.__provider {type, name, urn, properties}, ...), and for stack_deny_/stack_warn_ rules
#   input.resources[] of the same shape plus dependencies and propertyDependencies (URNs).
#
# Both become one shape, a "view":
#   {"type", "urn", "name", "props", "provider": view-like or null, "deps": [URN], "pdeps": {prop: [URN]}}
package phiguard

import rego.v1

view(x) := _analyzer_view(x) if {
	_ = x.__type
} else := _plan_view(x)

_plan_view(r) := {
	"type": r.type,
	"urn": r.urn,
	"name": r.name,
	"props": object.get(r, "props", {}),
	"provider": _plan_provider(r),
	"deps": object.get(r, "dependencies", []),
	"pdeps": object.get(r, "propertyDependencies", {}),
}

# The explicit provider, as `getProviderResource` gives it (a reference may end in `::<id>`).
_plan_provider(r) := _provider_of(_plan_by_urn[r.provider]) if {
	_ = _plan_by_urn[r.provider]
} else := _provider_of(_plan_by_urn[_without_id(r.provider)]) if {
	_ = _plan_by_urn[_without_id(r.provider)]
} else := _unlisted_provider(r.provider) if {
	is_string(r.provider)
	r.provider != ""
} else := null

_provider_of(p) := {"type": p.type, "urn": p.urn, "name": p.name, "props": object.get(p, "props", {})}

_without_id(ref) := substring(ref, 0, (count(ref) - count(parts[count(parts) - 1])) - 2) if {
	parts := split(ref, "::")
	count(parts) > 1
}

# A provider the plan names but does not hold: typed and named from its URN, with empty props.
_unlisted_provider(ref) := {"type": type, "urn": ref, "name": concat("::", array.slice(parts, 3, count(parts))), "props": {}} if {
	parts := split(ref, "::")
	qualified := _nth(parts, 2)
	segments := split(qualified, "$")
	type := segments[count(segments) - 1]
}

_nth(xs, i) := xs[i] if {
	count(xs) > i
} else := ""

_plan_by_urn := {r.urn: r | some r in input.resources}

_analyzer_view(x) := {
	"type": x.__type,
	"urn": x.__urn,
	"name": x.__name,
	"props": _analyzer_props(x),
	"provider": _analyzer_provider(x),
	"deps": object.get(x, "dependencies", []),
	"pdeps": object.get(x, "propertyDependencies", {}),
}

_analyzer_props(x) := x.__properties if {
	is_object(x.__properties)
} else := object.get(x, "properties", {})

_analyzer_provider(x) := {
	"type": p.type,
	"urn": p.urn,
	"name": p.name,
	"props": object.get(p, "properties", {}),
} if {
	p := x.__provider
	p.urn != ""
} else := null

# The type of an input resource (Plan or analyzer shape), without building its view.
input_type(x) := x.__type if {
	_ = x.__type
} else := x.type

input_urn(x) := x.__urn if {
	_ = x.__urn
} else := x.urn

_input_by_urn := {input_urn(x): x | some x in input.resources}

# Every input resource's view, in input order, built once per evaluation (rules look them up many
# times; the indexes below list positions in this array).
input_views := [view(x) | some x in input.resources]

# Each input resource's view, and its position, by URN.
_views_by_urn := {input_urn(x): input_views[i] | some i, x in input.resources}

_position_by_urn := {input_urn(x): i | some i, x in input.resources}

# The positions of each type's resources: one pass over the input, where a comprehension per type
# would scan it once per type.
_positions_by_type[input_type(x)] contains i if some i, x in input.resources

_views_by_type := {type: in_input_order(positions) | some type, positions in _positions_by_type}

# The views at a set of positions, in input order. The wasm's sort is an insertion sort, quadratic
# in the items: a large set is picked out of one pass over the input instead.
in_input_order(positions) := [input_views[i] | some i in sort(positions)] if {
	count(positions) * count(positions) <= 4 * count(input_views)
} else := [v | some i, v in input_views; positions[i]]

# The views of the resources of one type, in input order (`ofType`).
resources_of_type(type) := object.get(_views_by_type, type, [])

# The views of the resources of any of `types`, in input order (`ofType(resources, ...types)`).
resources_of_types(types) := in_input_order({i | some type in types; some i in _positions_by_type[type]})

# `propertyDependencies[property]`, as resources of the input (URNs it does not hold are dropped).
property_sources(r, property) := [_views_by_urn[u] | some u in object.get(r.pdeps, property, []); _ = _views_by_urn[u]]

# `sourcesOf(resource, property, type)`.
sources_of(r, property, type) := [s | some s in property_sources(r, property); s.type == type]

# `dependsThrough(resource, property, source)`.
depends_through(r, property, source) if {
	some u in object.get(r.pdeps, property, [])
	u == source.urn
}

# `isLiteral(resource, property)`: no resource of the input went into the property.
is_literal(r, property) if {
	not _has_property_source(r, property)
}

_has_property_source(r, property) if {
	some u in object.get(r.pdeps, property, [])
	_ = _input_by_urn[u]
}

# --- Joins (`refersTo`, `childrenOf`, `parentsOf` of policies/hipaa/rules/aws/lib/stack.ts) -------
#
# `refersTo(child, property, parent, nameProps)`: the child's property depends on the parent's
# output (propertyDependencies), or, when no resource of the input went into it, it is a literal
# string that names the parent: equal to the parent's `nameProps` value (a string), or ending in
# ":<name>" or "/<name>". The joins look children and parents up in indexes built once per
# evaluation instead of testing every pair, as the TypeScript rules do.

refers_to(child, property, parent, _) if depends_through(child, property, parent)

refers_to(child, property, parent, name_props) if {
	is_literal(child, property)
	literal := child.props[property]
	is_string(literal)
	some p in name_props
	name := parent.props[p]
	is_string(name)
	_names(literal, name)
}

# The literal names `name`: it is the name, or ends in ":<name>" or "/<name>".
_names(literal, name) if literal == name

_names(literal, name) if endswith(literal, concat("", [":", name]))

_names(literal, name) if endswith(literal, concat("", ["/", name]))

# What follows the last ":" or "/" of a text (all of it when it has neither). A literal names a
# name only when their last segments are the same, so the joins look names up by it.
last_segment(text) := segment if {
	parts := split(text, ":")
	pieces := split(parts[count(parts) - 1], "/")
	segment := pieces[count(pieces) - 1]
}

# The positions of the resources whose property depends on a URN, by [type, property, URN].
_dependents[[r.type, property, u]] contains i if {
	some i, r in input_views
	some property, urns in r.pdeps
	some u in urns
}

# The positions of the resources whose property is a string, by [type, property, its last segment].
_strings_by_segment[[r.type, property, last_segment(value)]] contains i if {
	some i, r in input_views
	some property, value in r.props
	is_string(value)
}

# `childrenOf(resources, parent, type, property, nameProps)`: the resources of `type` that refer to
# `parent` through `property`, in input order.
children_of(parent, type, property, name_props) := in_input_order(_children_positions(parent, type, property, name_props))

_children_positions(parent, type, property, name_props) := {i | some i in _dependents[[type, property, parent.urn]]} | {i |
	some p in name_props
	name := parent.props[p]
	is_string(name)
	some i in _strings_by_segment[[type, property, last_segment(name)]]
	child := input_views[i]
	is_literal(child, property)
	_names(child.props[property], name)
}

# `parentsOf(resources, child, property, parentType, nameProps)`: the resources of `parent_type`
# that `child` refers to through `property`, in input order.
parents_of(child, property, parent_type, name_props) := in_input_order(_parents_positions(child, property, parent_type, name_props))

_parents_positions(child, property, parent_type, name_props) := {i |
	some u in object.get(child.pdeps, property, [])
	i := _position_by_urn[u]
	input_views[i].type == parent_type
} | {i |
	is_literal(child, property)
	literal := child.props[property]
	is_string(literal)
	some p in name_props
	some i in _strings_by_segment[[parent_type, p, last_segment(literal)]]
	_names(literal, input_views[i].props[p])
}

# Where a resource's own props and its provider's props are read from.
props_at(r) := at(r.urn, "props")

provider_props_at(r) := at(r.provider.urn, "provider.props")
