# The pack's entrypoints.
#
# For phiguard (compiled to WebAssembly, see scripts/build-rego.sh):
#   phiguard/findings  input: a whole Plan; output: every finding of every rule,
#                      [{"ruleId", "urn", "level", "kind", "message"}] (a violation with its own
#                      advisory level also has "ownLevel": true)
#   phiguard/rules     the catalog: {ruleId: {"rego", "level", "scope"}} and the interface version
# Configuration: data.config[<rego rule name>][<key>], as the OPA analyzer provides it.
#
# For Pulumi's OPA analyzer (`runtime: opa`, PulumiPolicy.yaml in this folder): one deny_/warn_
# rule per resource rule and one stack_deny_/stack_warn_ rule per stack rule, named after the rule
# ID; their messages are those of the phiguard findings (a stack rule's start with the URN of the
# resource at fault, since the analyzer reports stack diagnostics on the stack). Values unknown at
# preview are reported by warn_phiguard_unverifiable / stack_warn_phiguard_unverifiable.
package phiguard

import rego.v1

# Bumped when the shape of the entrypoints' input or output changes.
interface_version := 1

rules := {"interface": interface_version, "rules": {id: {"rego": c.rego, "level": c.level, "scope": c.scope, "types": sort(c.types)} | some id, c in catalog}}

findings := array.concat(
	[f |
		some r in input_views
		ids := _resource_rules_by_type[r.type]
		some id in ids
		some e in outcome(rule_events(id, r))
		f := _finding(id, r.urn, e)
	],
	[f |
		some id, c in catalog
		c.scope == "stack"
		some e in stack_rule_events(id)
		f := _finding(id, _event_urn(e), e)
	],
)

# A resource rule's events on a resource. The wasm tries each definition of a function on every
# call, one comparison each: the Kubernetes rules, which run about twenty times per workload, are
# defined as k8s_rule_events rather than among every rule's resource_rule_events.
rule_events(id, r) := k8s_rule_events(id, r) if {
	startswith(id, "k8s-")
} else := resource_rule_events(id, r)

_event_urn(e) := e.urn if {
	e.m
} else := e.o

# The resource rules of each type (one pass over the catalog).
_resource_rules_by_type[type] contains id if {
	some id, c in catalog
	c.scope == "resource"
	some type in c.types
}

_finding(id, urn, e) := {"ruleId": id, "urn": urn, "level": "advisory", "kind": "violation", "message": e.m, "ownLevel": true} if {
	e.m
	e.level == "advisory"
} else := {"ruleId": id, "urn": urn, "level": catalog[id].level, "kind": "violation", "message": e.m} if {
	e.m
} else := {"ruleId": id, "urn": urn, "level": "advisory", "kind": "unverifiable", "message": unverifiable_message(e)}

# A violation's level: advisory when the event says so ({"m", "level": "advisory"}, as a TypeScript
# rule reports `{message, enforcementLevel: "advisory"}`), else its rule's. Such a finding carries
# "ownLevel": true: the TypeScript engine keeps a violation's own level under every enforcement
# override but "disabled", and so does the Rego engine (policies/engine/rego/evaluate.ts).
violation_level(id, e) := "advisory" if {
	e.level == "advisory"
} else := catalog[id].level

# A violation the analyzer reports at its rule's level (the others go to the *_phiguard_advisory rules).
_at_rule_level(id, e) if violation_level(id, e) == catalog[id].level

unverifiable_message(e) := concat("", ["cannot be verified before deploy: ", e.u, " (secret value is not available offline)"]) if {
	e.s
} else := concat("", ["cannot be verified before deploy: ", e.u])

# A rule's configuration value: data.config[<rego rule name>][key], else the rule's default.
config(id, key, _) := data.config[catalog[id].rego][key]

config(id, key, dflt) := dflt if not _has_config(id, key)

_has_config(id, key) if _ = data.config[catalog[id].rego][key]

# --- Pulumi's OPA analyzer -------------------------------------------------------------------

# The violation messages of a resource rule on the analyzer's resource (input).
analyzer_messages(id) := [e.m | some e in outcome(rule_events(id, _analyzer_resource)); e.m; _at_rule_level(id, e)] if {
	_analyzer_resource.type in catalog[id].types
} else := []

_analyzer_resource := view(input)

# The violation messages of a stack rule, each prefixed with the resource at fault.
analyzer_stack_messages(id) := [concat("", [e.urn, ": ", e.m]) | some e in stack_rule_events(id); e.m; _at_rule_level(id, e)]

# Violations that carry their own advisory level in a mandatory rule (e.g. "residency cannot be
# verified" of the residency rules) are warnings, prefixed with the rule ID.
warn_phiguard_advisory contains msg if {
	some id, c in catalog
	c.scope == "resource"
	c.level == "mandatory"
	_analyzer_resource.type in c.types
	some e in outcome(rule_events(id, _analyzer_resource))
	e.m
	violation_level(id, e) == "advisory"
	msg := concat("", [id, ": ", e.m])
}

stack_warn_phiguard_advisory contains msg if {
	some id, c in catalog
	c.scope == "stack"
	c.level == "mandatory"
	some e in stack_rule_events(id)
	e.m
	violation_level(id, e) == "advisory"
	msg := concat("", [e.urn, ": ", id, ": ", e.m])
}

warn_phiguard_unverifiable contains msg if {
	some id, c in catalog
	c.scope == "resource"
	_analyzer_resource.type in c.types
	some e in outcome(rule_events(id, _analyzer_resource))
	e.u
	msg := concat("", [id, ": ", unverifiable_message(e)])
}

stack_warn_phiguard_unverifiable contains msg if {
	some id, c in catalog
	c.scope == "stack"
	some e in stack_rule_events(id)
	e.u
	msg := concat("", [e.o, ": ", id, ": ", unverifiable_message(e)])
}
