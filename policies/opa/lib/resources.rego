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

# The views of the resources of one type, in order (indexed once for the types stack rules join).
resources_of_type(type) := _stack_rule_resources[type] if {
	type in stack_rule_types
} else := [view(x) | some x in input.resources; input_type(x) == type]

_stack_rule_resources := {type: [_views_by_urn[input_urn(x)] | some x in input.resources; input_type(x) == type] | some type in stack_rule_types}

# Every input resource's view, built once per evaluation (rules look them up many times).
_views_by_urn := {urn: view(x) | some urn, x in _input_by_urn}

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

# Where a resource's own props and its provider's props are read from.
props_at(r) := at(r.urn, "props")

provider_props_at(r) := at(r.provider.urn, "provider.props")
