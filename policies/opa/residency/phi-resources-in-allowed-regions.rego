package phiguard

import rego.v1

# METADATA
# title: phi-resources-in-allowed-regions
# description: "Resources that hold PHI (tagged data-classification: phi, or untagged inside a PhiBucket, PhiTable, PhiDatabase or PhiQueue) are created only in the allowed regions (policy config allowedRegions; default us-east-1, us-east-2, us-west-1, us-west-2)."
stack_deny_phi_resources_in_allowed_regions contains msg if some msg in analyzer_stack_messages("phi-resources-in-allowed-regions")

# Every regional AWS resource in turn (forEachDeferred).
res_phi_resources_units := [_res_phi_resource(r) | some r in input_views; res_regional(r.type)]

_res_phi_resource(r) := _res_phi_resource_placed(r, res_placement(r, res_default_region("phi-resources-in-allowed-regions")))

# (The placement and the PHI verdict are worked out once per resource and passed on.)
_res_phi_resource_placed(r, p) := [] if {
	p.k == "known"
	not res_outside("phi-resources-in-allowed-regions", p.region)
} else := _res_phi_resource_holding(r, p, res_holds_phi(r))

_res_phi_resource_holding(r, p, phi) := phi.evs if {
	count(phi.evs) > 0
} else := [] if {
	not phi.v
} else := _res_phi_resource_verdict(r, p)

_res_phi_resource_verdict(r, p) := p.evs if {
	p.k == "unknown"
} else := [res_unplaced(r, res_describe(r))] if {
	p.k == "none"
} else := [{"urn": r.urn, "m": concat("", [res_describe(r), " holds PHI in ", p.region, res_allowed_text("phi-resources-in-allowed-regions")])}]

catalog["phi-resources-in-allowed-regions"] := _rule("stack_deny_phi_resources_in_allowed_regions", set())

stack_rule_events("phi-resources-in-allowed-regions") := res_units_outcome(res_phi_resources_units)
