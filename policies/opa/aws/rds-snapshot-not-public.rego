package phiguard

import rego.v1

# METADATA
# title: rds-snapshot-not-public
# description: "Manual RDS DB and cluster snapshots are not shared publicly (sharedAccounts does not contain \"all\")."
deny_rds_snapshot_not_public contains msg if some msg in analyzer_messages("rds-snapshot-not-public")

aws_rds_snapshot_not_public(r) := unk(s) if {
	s := aws_prop(r, ["sharedAccounts"])
	s.k == "unk"
} else := array.concat(hit.evs, [{"m": `sharedAccounts contains "all": anyone can copy and restore this snapshot.`} | hit.v]) if {
	hit := first_hit([_rds_snapshot_not_public_all(item) | some item in ds_array_items(aws_prop(r, ["sharedAccounts"]))])
}

_rds_snapshot_not_public_all(item) := {"evs": [item_u(item)], "v": false} if {
	item.u
} else := {"evs": text.evs, "v": false} if {
	text := ds_string(item_read(item))
	count(text.evs) > 0
} else := {"evs": [], "v": ds_in(lower(js_string(item.v)), {"all"})}

catalog["rds-snapshot-not-public"] := _rule("deny_rds_snapshot_not_public", {"aws:rds/snapshot:Snapshot", "aws:rds/clusterSnapshot:ClusterSnapshot"})

resource_rule_events("rds-snapshot-not-public", r) := aws_rds_snapshot_not_public(r)
