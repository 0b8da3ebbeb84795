# The rules of the Rego pack: ID (the TypeScript rule's name), the analyzer rule that runs it
# (deny_ = mandatory, warn_ = advisory, stack_ = over the whole stack), its enforcement level and
# the resource types it checks (the TypeScript rule's resourceTypes).
package phiguard

import rego.v1

_workloads_and_patches := workload_types | workload_patch_types

# catalog[<rule ID>] := _rule(<analyzer rule>, <resource types>), declared next to each rule in its
# own file, with its resource_rule_events(<rule ID>, r) (k8s_rule_events for the Kubernetes rules,
# see rule_events) or stack_rule_events(<rule ID>).

# The level and scope follow from the analyzer rule's name, as the analyzer derives them.
_rule(rego, types) := {"rego": rego, "level": _level(rego), "scope": _scope(rego), "types": types}

_level(rego) := "advisory" if {
	regex.match(`^(stack_)?warn_`, rego)
} else := "mandatory"

_scope(rego) := "stack" if {
	startswith(rego, "stack_")
} else := "resource"
