import { CITES } from "../../controls";
import { listing } from "../aws/lib/props";
import { stackRule } from "../aws/lib/rule";
import { forEachDeferred, ofType } from "../aws/lib/stack";
import { requireAccountRoot } from "./lib/account";

const BLOCK = "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock";
const SETTINGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

export default stackRule({
  name: "account-root-s3-public-access-blocked",
  description:
    "An account-root stack sets the account-level S3 Block Public Access with all four settings on, so no bucket of the account, present or future, can be made public by an ACL or a bucket policy.",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.notPublic],
  remediation:
    "Add phiguard's `AccountBaseline` component to the account-root stack, or an `aws.s3.AccountPublicAccessBlock` with `blockPublicAcls`, `blockPublicPolicy`, `ignorePublicAcls` and `restrictPublicBuckets` all `true`.",
  controls: {
    awsConfig: ["S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC"],
    cis: ["AWS 3.0.0 2.1.4"],
  },
  resourceTypes: [BLOCK],
  check: (args, report) => {
    requireAccountRoot(args);
    const blocks = ofType(args.resources, BLOCK);
    if (blocks.length === 0) {
      report("no account-level S3 Block Public Access (aws.s3.AccountPublicAccessBlock).");
      return;
    }
    forEachDeferred(blocks, (block) => {
      const off = SETTINGS.filter((s) => block.props[s] !== true);
      if (off.length > 0) report(`${listing(off)} ${off.length === 1 ? "is" : "are"} not true.`, block.urn);
    });
  },
});
