# The rules of the Rego pack: ID (the TypeScript rule's name), the analyzer rule that runs it
# (deny_ = mandatory, warn_ = advisory, stack_ = over the whole stack), its enforcement level and
# the resource types it checks (the TypeScript rule's resourceTypes).
package phiguard

import rego.v1

_workloads_and_patches := workload_types | workload_patch_types

# catalog[<rule ID>] := _rule(<analyzer rule>, <resource types>), declared next to each rule in its
# own file, with its resource_rule_events(<rule ID>, r) or stack_rule_events(<rule ID>).

# The types the stack rules look up with resources_of_type (indexed once per evaluation).
stack_rule_types contains type if some type in {
	eks_cluster_type, eks_node_group_type, eks_addon_type, launch_template_type, log_group_type,
	"aws:ec2/routeTableAssociation:RouteTableAssociation", "aws:ec2/route:Route",
}

# The level and scope follow from the analyzer rule's name, as the analyzer derives them.
_rule(rego, types) := {"rego": rego, "level": _level(rego), "scope": _scope(rego), "types": types}

_level(rego) := "advisory" if {
	regex.match(`^(stack_)?warn_`, rego)
} else := "mandatory"

_scope(rego) := "stack" if {
	startswith(rego, "stack_")
} else := "resource"
