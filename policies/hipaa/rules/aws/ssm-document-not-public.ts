import { CITES } from "../../controls";
import { resourceRule } from "./lib/rule";

export default resourceRule({
  name: "ssm-document-not-public",
  description: "Systems Manager documents are not shared publicly (permissions accountIds is not \"All\").",
  enforcementLevel: "mandatory",
  hipaa: [...CITES.restrictedIngress],
  remediation: "Share documents only with named accounts: set `permissions: { type: \"Share\", accountIds: \"111122223333\" }`, or remove `permissions`.",
  controls: {
    awsConfig: ["SSM_DOCUMENT_NOT_PUBLIC"],
    checkov: ["CKV_AWS_303"],
  },
  resourceTypes: ["aws:ssm/document:Document"],
  check: (props, _args, report) => {
    const permissions = props.permissions as Record<string, string> | undefined;
    if (!permissions) return;
    const accounts = String(permissions.accountIds ?? "").split(",").map((a) => a.trim().toLowerCase());
    if (accounts.includes("all")) report("the document is shared with all AWS accounts.");
  },
});
