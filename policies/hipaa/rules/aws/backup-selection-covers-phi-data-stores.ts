import type { PolicyResource } from "@pulumi/policy";
import { CITES } from "../../controls";
import { SELECTION } from "./lib/backup";
import { arrayOf, CLASSIFICATION_TAG, hasValue, isPhi, knownStrings, PHI, type Props } from "./lib/props";
import { forEachDeferred, ofType } from "./lib/stack";
import { stackRule } from "./lib/rule";

/** Data stores AWS Backup protects, and the PHI ones must be in a backup plan. */
const DATA_STORES = [
  "aws:rds/instance:Instance",
  "aws:rds/cluster:Cluster",
  "aws:dynamodb/table:Table",
  "aws:ebs/volume:Volume",
  "aws:efs/fileSystem:FileSystem",
  "aws:ec2/instance:Instance",
];

const TAG_CONDITION_KEY = `aws:ResourceTag/${CLASSIFICATION_TAG}`.toLowerCase();

/** The selection picks every resource tagged data-classification: phi. */
function selectsPhiTag(selection: PolicyResource): boolean {
  const byTag = arrayOf<Props>(selection.props.selectionTags).some(
    (t) => String(t.type).toUpperCase() === "STRINGEQUALS" && t.key === CLASSIFICATION_TAG && String(t.value).toLowerCase() === PHI,
  );
  if (byTag) return true;
  const all = knownStrings(selection.props, "resources").includes("*");
  if (!all) return false;
  const conditions = arrayOf<Props>(selection.props.conditions);
  const equals = conditions.flatMap((c) => arrayOf<Props>(c.stringEquals));
  return equals.some((e) => String(e.key).toLowerCase() === TAG_CONDITION_KEY && String(e.value).toLowerCase() === PHI);
}

/** The selection picks `store` by reference, or everything. */
function selectsResource(selection: PolicyResource, store: PolicyResource): boolean {
  if ((selection.propertyDependencies.notResources ?? []).some((r) => r.urn === store.urn)) return false;
  if ((selection.propertyDependencies.resources ?? []).some((r) => r.urn === store.urn)) return true;
  return !hasValue(selection.props, "conditions") && knownStrings(selection.props, "resources").includes("*");
}

export default stackRule({
  name: "backup-selection-covers-phi-data-stores",
  description:
    "Every data store tagged data-classification: phi (RDS instance or cluster, DynamoDB table, EBS volume, EFS file system, EC2 instance) is selected by an AWS Backup plan: by reference, by the phi tag, or by a selection of all resources.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.backupPlan],
  remediation:
    "Use the `BackupPlan` component (it selects every resource tagged data-classification: phi), or add an `aws.backup.Selection` whose `resources` include the store's ARN or whose `selectionTags` match `data-classification = phi`.",
  controls: {
    awsConfig: [
      "RDS_IN_BACKUP_PLAN",
      "AURORA_RESOURCES_PROTECTED_BY_BACKUP_PLAN",
      "DYNAMODB_IN_BACKUP_PLAN",
      "EBS_IN_BACKUP_PLAN",
      "EFS_IN_BACKUP_PLAN",
      "EC2_RESOURCES_PROTECTED_BY_BACKUP_PLAN",
    ],
    cdkNag: [
      "HIPAA.Security-RDSInBackupPlan",
      "HIPAA.Security-DynamoDBInBackupPlan",
      "HIPAA.Security-EC2EBSInBackupPlan",
      "HIPAA.Security-EFSInBackupPlan",
    ],
    checkov: ["CKV2_AWS_8", "CKV2_AWS_9", "CKV2_AWS_18"],
  },
  resourceTypes: DATA_STORES,
  check: (args, report) => {
    const selections = ofType(args.resources, SELECTION);
    forEachDeferred(ofType(args.resources, ...DATA_STORES), (store) => {
      if (!isPhi(store.props)) return;
      if (selections.some((s) => selectsResource(s, store) || selectsPhiTag(s))) return;
      report("this PHI data store is not selected by any aws.backup.Selection.", store.urn);
    });
  },
});
