package phiguard

import rego.v1

# METADATA
# title: dynamodb-table-replicated-for-phi
# description: "DynamoDB tables tagged data-classification: phi are global tables with a replica in another region (replicas, or an aws.dynamodb.TableReplica whose globalTableArn names the table), so a regional outage does not make the PHI unavailable."
stack_deny_dynamodb_table_replicated_for_phi contains msg if some msg in analyzer_stack_messages("dynamodb-table-replicated-for-phi")

# One attempt per table.
aws_dynamodb_table_replicated_for_phi := units_outcome([_dynamodb_table_replicated_for_phi_unit(table) | some table in resources_of_type(ds_dynamodb_table)])

_dynamodb_table_replicated_for_phi_unit(table) := phi.evs if {
	phi := ds_is_phi(table)
	count(phi.evs) > 0
} else := [] if {
	not ds_is_phi(table).v
} else := unk(replicas) if {
	replicas := rd(table.props, props_at(table), ["replicas"])
	replicas.k == "unk"
} else := [] if {
	aws_array_length(rd(table.props, props_at(table), ["replicas"])) > 0
} else := [] if {
	count(children_of(table, ds_table_replica, "globalTableArn", [])) > 0
} else := [{"m": "the PHI table has no replica in another region (no replicas and no aws.dynamodb.TableReplica).", "urn": table.urn}]

catalog["dynamodb-table-replicated-for-phi"] := _rule("stack_deny_dynamodb_table_replicated_for_phi", {ds_dynamodb_table})

stack_rule_events("dynamodb-table-replicated-for-phi") := aws_dynamodb_table_replicated_for_phi
