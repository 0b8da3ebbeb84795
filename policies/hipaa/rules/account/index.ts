/**
 * The account-root rules of the HIPAA pack, one per file (the file name is the rule ID), sorted by
 * name. They apply only to stacks tagged `phiguard:account-root: "true"` (see `lib/account.ts`) and
 * report what an account's security baseline (`AccountBaseline`) and security monitoring
 * (`SecurityMonitoring`) would provide.
 */
import type { PhiguardPolicy } from "../../../engine/rule";
import accountRootEbsEncryptionByDefault from "./account-root-ebs-encryption-by-default";
import accountRootHasAccessAnalyzer from "./account-root-has-access-analyzer";
import accountRootHasConfigConformancePack from "./account-root-has-config-conformance-pack";
import accountRootHasConfigRecorder from "./account-root-has-config-recorder";
import accountRootHasGuardduty from "./account-root-has-guardduty";
import accountRootHasPasswordPolicy from "./account-root-has-password-policy";
import accountRootHasSecurityAlarms from "./account-root-has-security-alarms";
import accountRootHasSecurityHub from "./account-root-has-security-hub";
import accountRootS3PublicAccessBlocked from "./account-root-s3-public-access-blocked";

export const accountRules: PhiguardPolicy[] = [
  accountRootEbsEncryptionByDefault,
  accountRootHasAccessAnalyzer,
  accountRootHasConfigConformancePack,
  accountRootHasConfigRecorder,
  accountRootHasGuardduty,
  accountRootHasPasswordPolicy,
  accountRootHasSecurityAlarms,
  accountRootHasSecurityHub,
  accountRootS3PublicAccessBlocked,
];

export { ACCOUNT_ROOT_TAG, ACCOUNT_ROOT_VALUE, isAccountRoot } from "./lib/account";
export { SECURITY_SIGNALS, SECURITY_SIGNAL_IDS, ROUTINE_EVENTS, type SecuritySignal } from "./lib/security-signals";
export * from "./lib/filter-pattern";
