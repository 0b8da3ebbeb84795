package phiguard

import rego.v1

# METADATA
# title: dynamodb-table-on-demand-or-autoscaled
# description: "DynamoDB tables either bill on demand (PAY_PER_REQUEST) or have Application Auto Scaling targets, so a surge of requests does not throttle access to PHI."
stack_warn_dynamodb_table_on_demand_or_autoscaled contains msg if some msg in analyzer_stack_messages("dynamodb-table-on-demand-or-autoscaled")

# One attempt per table.
aws_dynamodb_table_on_demand_or_autoscaled := units_outcome([_dynamodb_table_on_demand_or_autoscaled_unit(table) | some table in resources_of_type(ds_dynamodb_table)])

_dynamodb_table_on_demand_or_autoscaled_unit(table) := unk(mode) if {
	mode := rd(table.props, props_at(table), ["billingMode"])
	mode.k == "unk"
} else := [] if {
	is_val(rd(table.props, props_at(table), ["billingMode"]), "PAY_PER_REQUEST")
} else := [] if {
	count(children_of(table, ds_scaling_target, "resourceId", ["name"])) > 0
} else := [{"m": "the table has provisioned capacity and no auto scaling target.", "urn": table.urn}]

catalog["dynamodb-table-on-demand-or-autoscaled"] := _rule("stack_warn_dynamodb_table_on_demand_or_autoscaled", {ds_dynamodb_table})

stack_rule_events("dynamodb-table-on-demand-or-autoscaled") := aws_dynamodb_table_on_demand_or_autoscaled
