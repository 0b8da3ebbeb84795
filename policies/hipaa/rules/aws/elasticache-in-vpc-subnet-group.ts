import { CITES } from "../../controls";
import { CACHE_CLUSTER, REPLICATION_GROUP } from "./lib/elasticache";
import { hasValue } from "./lib/props";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "elasticache-in-vpc-subnet-group",
  description:
    "ElastiCache replication groups and standalone cache clusters name a subnet group (subnetGroupName), so they run in the workload's private subnets rather than the default VPC's.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.notPublic],
  remediation:
    "Create an `aws.elasticache.SubnetGroup` of private subnets (e.g. `MultiRegionNetwork`'s) and set `subnetGroupName: group.name` and `securityGroupIds`.",
  controls: {
    checkov: ["CKV_AWS_323"],
  },
  resourceTypes: [REPLICATION_GROUP, CACHE_CLUSTER],
  check: (props, args, report) => {
    if (args.type === CACHE_CLUSTER && hasValue(props, "replicationGroupId")) {
      args.notApplicable("the cluster is a member of a replication group, which this rule checks");
    }
    if (!hasValue(props, "subnetGroupName")) report("no subnetGroupName is set, so the cache lands in the default subnet group of the default VPC.");
  },
});
