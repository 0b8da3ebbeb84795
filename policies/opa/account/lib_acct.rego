# What the account-root rules share (the Rego twin of policies/hipaa/rules/account/lib/account.ts):
# which stacks they apply to, the regions an account root must cover, and the joins between
# account-level resources.
#
# Which stacks: a stack is an account root when its stack tag `phiguard:account-root` is "true"
# (trimmed, any case). phiguard's Rego engine hands the whole Plan as input, so the tags are
# `input.stackTags`. Pulumi's OPA analyzer gives a stack rule no stack tags: there every
# account-root rule is not applicable (reports nothing), as the TypeScript rules are for a stack
# without the tag, rather than guessing which stack is the account root.
#
# Which regions: the rule's `regions` config when it lists any, else every region the stack places
# an AWS resource in (the resource's literal `region` prop, else its provider's), sorted, else the
# default region. The region is read from the props the TypeScript rules read (never the Plan's
# per-resource `region`, which the TypeScript engine does not hand the rules). Under Pulumi's OPA
# analyzer every resource carries its provider (the default provider included, with the stack's
# aws:region), as CrossGuard hands it to the TypeScript rules.
#
# Stack-level findings (reported on no resource) carry the URN "" (the analyzer's stack messages
# then read ": <message>").
package phiguard

import rego.v1

acct_root_tag := "phiguard:account-root"

# The region key of resources on the default provider (no explicit region).
acct_default_region := "(default region)"

# The stack is tagged as an account root.
acct_account_root if lower(trim_space(input.stackTags[acct_root_tag])) == "true"

# `regionOf(resource)`: its literal region prop, its provider's, else the default region.
acct_region_of(r) := r.props.region if {
	is_string(r.props.region)
} else := r.provider.props.region if {
	is_object(r.provider)
	is_string(r.provider.props.region)
} else := acct_default_region

# Every region the stack places an AWS resource in (explicitly).
acct_explicit_regions := {region |
	some r in input_views
	startswith(r.type, "aws:")
	region := acct_region_of(r)
	region != acct_default_region
}

# `accountRegions(args, config)` for the rule `id`.
acct_regions(id) := acct_unique(regions) if {
	regions := config(id, "regions", [])
	is_array(regions)
	count(regions) > 0
} else := sort(acct_explicit_regions) if {
	count(acct_explicit_regions) > 0
} else := [acct_default_region]

# The distinct items, first occurrence first.
acct_unique(items) := [x | some i, x in items; not x in array.slice(items, 0, i)]

# `inRegion(resources, type, region)`.
acct_in_region(type, region) := [r | some r in resources_of_type(type); acct_region_of(r) == region]

# `describeRegion(region)`.
acct_describe_region(region) := "the default region" if {
	region == acct_default_region
} else := region

# `listing(items)`: 'a', 'b' and 'c'.
acct_listing(items) := concat("", q) if {
	q := [concat("", ["'", js_string(i), "'"]) | some i in items]
	count(q) <= 1
} else := concat("", [concat(", ", array.slice(q, 0, count(q) - 1)), " and ", q[count(q) - 1]]) if {
	q := [concat("", ["'", js_string(i), "'"]) | some i in items]
}

# A read of a resource's props.
acct_prop(r, keys) := rd(r.props, props_at(r), keys)

# A violation of a stack rule on the stack (no resource).
acct_stack_violation(message) := {"m": message, "urn": ""}

# Any unknown read among the events.
acct_has_unknown(evs) if {
	some e in evs
	e.u
}

# `is_val(read, x)` as true or false.
acct_is(read, x) if {
	is_val(read, x)
} else := false
