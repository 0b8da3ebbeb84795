import { CITES } from "../../controls";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "dms-replication-instance-not-public",
  description:
    "DMS replication instances are not publicly accessible (publiclyAccessible: false set explicitly: AWS makes an instance public when the argument is left out).",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.notPublic],
  remediation: "Set `publiclyAccessible: false` and a `replicationSubnetGroupId` of private subnets (e.g. `MultiRegionNetwork`'s) on the `aws.dms.ReplicationInstance`.",
  controls: {
    awsConfig: ["DMS_REPLICATION_NOT_PUBLIC"],
    cdkNag: ["HIPAA.Security-DMSReplicationNotPublic"],
    checkov: ["CKV_AWS_89"],
  },
  resourceTypes: ["aws:dms/replicationInstance:ReplicationInstance"],
  check: (props, _args, report) => {
    const value = props.publiclyAccessible as boolean | undefined;
    if (value === true) report("publiclyAccessible is true.");
    else if (value === undefined) report("publiclyAccessible is not set, and AWS then gives the instance a public IP address.");
  },
});
