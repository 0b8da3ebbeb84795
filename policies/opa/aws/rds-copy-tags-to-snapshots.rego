package phiguard

import rego.v1

# METADATA
# title: rds-copy-tags-to-snapshots
# description: "RDS DB instances and clusters copy their tags (data-classification among them) to snapshots, so backups of PHI stay classified and tag-based backup and access policies apply to them."
warn_rds_copy_tags_to_snapshots contains msg if some msg in analyzer_messages("rds-copy-tags-to-snapshots")

aws_rds_copy_tags_to_snapshots(r) := aws_unless_true(r, ["copyTagsToSnapshot"], concat("", ["the ", aws_db_kind(r.type), " does not set copyTagsToSnapshot: true."]))

catalog["rds-copy-tags-to-snapshots"] := _rule("warn_rds_copy_tags_to_snapshots", {aws_db_instance, aws_db_cluster})

resource_rule_events("rds-copy-tags-to-snapshots", r) := aws_rds_copy_tags_to_snapshots(r)
