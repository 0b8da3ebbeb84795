import { CITES } from "../../controls";
import { CACHE_CLUSTER, REPLICATION_GROUP } from "./lib/elasticache";
import { hasValue } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "elasticache-encrypted-in-transit",
  description:
    "ElastiCache replication groups and standalone cache clusters require TLS (transitEncryptionEnabled: true, and not transitEncryptionMode 'preferred', which still accepts plain connections).",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.inTransit],
  remediation:
    "Set `transitEncryptionEnabled: true` (and `transitEncryptionMode: \"required\"` where set) on the `aws.elasticache.ReplicationGroup` or `aws.elasticache.Cluster`; use `authToken` or user groups for authentication.",
  controls: {
    checkov: ["CKV_AWS_30", "CKV_AWS_31"],
  },
  resourceTypes: [REPLICATION_GROUP, CACHE_CLUSTER],
  check: (props, args, report) => {
    if (args.type === CACHE_CLUSTER && hasValue(props, "replicationGroupId")) {
      args.notApplicable("the cluster is a member of a replication group, which this rule checks");
    }
    if (props.transitEncryptionEnabled !== true) {
      report("transitEncryptionEnabled is not true, so clients connect without TLS.");
      return;
    }
    if (args.type === REPLICATION_GROUP && props.transitEncryptionMode === "preferred") {
      report("transitEncryptionMode is 'preferred', so unencrypted connections are still accepted.");
    }
  },
});
