# What the data-residency rules share (the Rego twin of policies/hipaa/rules/residency/regions.ts):
# which resources hold PHI, where a resource lands, and the allowed regions of a rule's config.
#
# Where a resource lands (`placementOf`): its own `region` prop, else its provider's, else the
# rule's `defaultRegion`. A region prop that holds a value (`hasValue`) but no known string stops
# the search; it is read (an unknown event) only when it matters.
#
# PHI (`holdsPhi`): tagged `data-classification: phi`, or without a classification tag inside a
# phiguard PHI component (the resource's `parent` chain, as far as the input holds the parents).
#
# Findings the TypeScript rules report with `enforcementLevel: "advisory"` (residency the plan does
# not let them verify) are events {"m", "urn", "level": "advisory"}.
package phiguard

import rego.v1

res_default_allowed_regions := ["us-east-1", "us-east-2", "us-west-1", "us-west-2"]

res_phi_component_types := {
	"phiguard:storage:PhiBucket",
	"phiguard:storage:PhiTable",
	"phiguard:storage:PhiDatabase",
	"phiguard:storage:PhiQueue",
}

res_global_type_prefixes := [
	"aws:iam/",
	"aws:cloudfront/",
	"aws:organizations/",
	"aws:globalaccelerator/",
	"aws:shield/",
	"aws:budgets/",
	"aws:route53/zone:",
	"aws:route53/record:",
	"aws:route53/healthCheck:",
	"aws:route53/delegationSet:",
	"aws:s3/accountPublicAccessBlock:",
]

# `residencyConfig(config).allowed`: the configured list when it has any element, else the default.
res_allowed(id) := regions if {
	regions := config(id, "allowedRegions", res_default_allowed_regions)
	is_array(regions)
	count(regions) > 0
} else := res_default_allowed_regions

# `residencyConfig(config).defaultRegion`, or "" when none is set.
res_default_region(id) := region if {
	region := config(id, "defaultRegion", "")
	is_string(region)
} else := ""

# The region is outside the allowed regions (`!allowed.includes(region)`).
res_outside(id, region) if not region in res_allowed(id)

# `isRegionalAwsResource(resource)`.
res_regional(type) if {
	startswith(type, "aws:")
	not _res_global(type)
}

_res_global(type) if {
	some prefix in res_global_type_prefixes
	startswith(type, prefix)
}

# `hasValue(obj, key)`: present, not null, not "" and not an empty array.
res_has_value(obj, key) if {
	is_object(obj)
	v := obj[key]
	v != null
	v != ""
	v != []
}

# `placementOf(resource, defaultRegion)`: {"k": "known", "region"}, {"k": "unknown", "evs": the
# read of the region (none when it is known but not a string)} or {"k": "none"}.
res_placement(r, default_region) := _res_place(r.props, props_at(r)) if {
	res_has_value(r.props, "region")
} else := _res_place(r.provider.props, provider_props_at(r)) if {
	is_object(r.provider)
	res_has_value(r.provider.props, "region")
} else := {"k": "known", "region": default_region} if {
	default_region != ""
} else := {"k": "none"}

_res_place(props, place) := {"k": "known", "region": props.region} if {
	is_string(props.region)
} else := {"k": "unknown", "evs": unk(rd(props, place, ["region"]))}

# The classification tag, lower-cased: {"evs": the unknown read, "has": a string tag, "t": it}.
# (The helpers below take what they read as arguments, so each is read once per resource.)
res_classification(r) := _res_classification(rd(r.props, props_at(r), ["tags", "data-classification"]))

_res_classification(s) := {"evs": unk(s), "has": false} if {
	s.k == "unk"
} else := {"evs": [], "has": true, "t": lower(trim_space(s.v))} if {
	s.k == "val"
	is_string(s.v)
} else := {"evs": [], "has": false}

# `holdsPhi(resource)`: {"evs", "v"}.
res_holds_phi(r) := _res_holds_phi(r, res_classification(r))

_res_holds_phi(r, c) := {"evs": c.evs, "v": false} if {
	count(c.evs) > 0
} else := {"evs": [], "v": c.t == "phi"} if {
	c.has
} else := {"evs": [], "v": res_in_phi_component(r)}

# `mayHoldPhi(resource)`: {"evs", "v"}.
res_may_hold_phi(r) := _res_may_hold_phi(res_classification(r))

_res_may_hold_phi(c) := {"evs": c.evs, "v": false} if {
	count(c.evs) > 0
} else := {"evs": [], "v": c.t == "phi"} if {
	c.has
} else := {"evs": [], "v": true}

# `phiComponentOf(resource) !== undefined`.
res_in_phi_component(r) if {
	some a in graph.reachable(_res_parent_graph, {r.urn})
	a != r.urn
	input_type(_input_by_urn[a]) in res_phi_component_types
} else := false

# Each resource of the input to its parent (when the input holds it).
_res_parent_graph := {input_urn(x): _res_parents(x) | some x in input.resources}

_res_parents(x) := [p] if {
	p := _res_parent_urn(x)
	_ = _input_by_urn[p]
} else := []

_res_parent_urn(x) := x.parent if {
	is_string(x.parent)
} else := x.__parent if {
	is_string(x.__parent)
}

# `describe(resource)`: `type 'name'`.
res_describe(r) := concat("", [r.type, " '", r.name, "'"])

# `regionList(regions)`: 'a', 'b' and 'c'.
res_region_list(regions) := concat("", q) if {
	q := [concat("", ["'", js_string(x), "'"]) | some x in regions]
	count(q) <= 1
} else := concat("", [concat(", ", array.slice(q, 0, count(q) - 1)), " and ", q[count(q) - 1]]) if {
	q := [concat("", ["'", js_string(x), "'"]) | some x in regions]
}

# `reportAdvisory(report, description, resource, message)`.
res_advisory(r, message) := {"m": message, "urn": r.urn, "level": "advisory"}

# `reportUnplaced(report, description, resource, what)`.
res_unplaced(r, what) := res_advisory(r, concat("", [what, ": the region is not in the plan (no region argument, no provider with a region), so residency cannot be verified. Set region (or an explicit provider) on the resource, or the rule's defaultRegion to the stack's aws:region."]))

# "`<what>` is outside the allowed regions" for a known region: `<describe> holds PHI in ...`
# (resources) and `<describe>: <what> is in ...` (replicas) are built by the rules.
res_allowed_text(id) := concat("", [", outside the allowed regions ", res_region_list(res_allowed(id)), "."])

# Reading a property of null (`null.regionName`): TypeScript throws a TypeError, which ends the
# check of the unit; forEachDeferred rethrows it at the end only when it is the first error (the
# engine then fails, with no findings to match).
res_type_error := [{"x": true}]

# The units of a stack rule as `forEachDeferred` runs them, each cut at its TypeError.
res_units_outcome(units) := units_outcome([_res_cut(evs) | some evs in units])

_res_cut(evs) := array.slice(evs, 0, i) if {
	i := min({j | some j, e in evs; e.x})
} else := evs
