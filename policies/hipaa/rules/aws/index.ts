/**
 * Every AWS rule of the HIPAA pack, one per file (the file name is the rule ID), sorted by name.
 * A test checks that this list and the folder agree.
 */
import type { PhiguardPolicy } from "../../../engine/rule";
import acmCertificateKeyAlgorithmStrong from "./acm-certificate-key-algorithm-strong";
import acmCertificateRenewsBeforeExpiry from "./acm-certificate-renews-before-expiry";
import acmCertificateTransparencyLoggingEnabled from "./acm-certificate-transparency-logging-enabled";
import albDropInvalidHeaderFields from "./alb-drop-invalid-header-fields";
import albWafAssociated from "./alb-waf-associated";
import apigatewayDomainNameTls12 from "./apigateway-domain-name-tls-1-2";
import apigatewayMethodSettingsNoDataTrace from "./apigateway-method-settings-no-data-trace";
import apigatewayStageAccessLoggingEnabled from "./apigateway-stage-access-logging-enabled";
import apigatewayStageCacheEncrypted from "./apigateway-stage-cache-encrypted";
import apigatewayStageClientCertificateConfigured from "./apigateway-stage-client-certificate-configured";
import apigatewayStageExecutionLoggingEnabled from "./apigateway-stage-execution-logging-enabled";
import apigatewayStageWafAssociated from "./apigateway-stage-waf-associated";
import apigatewayStageXrayTracingEnabled from "./apigateway-stage-xray-tracing-enabled";
import autoscalingGroupElbHealthCheck from "./autoscaling-group-elb-health-check";
import backupPlanCopiesToAnotherRegion from "./backup-plan-copies-to-another-region";
import backupPlanDailyWith35DayRetention from "./backup-plan-daily-with-35-day-retention";
import backupSelectionCoversPhiDataStores from "./backup-selection-covers-phi-data-stores";
import backupVaultEncryptedWithCmk from "./backup-vault-encrypted-with-cmk";
import backupVaultLockEnabled from "./backup-vault-lock-enabled";
import cloudtrailBucketPrivateAndLogged from "./cloudtrail-bucket-private-and-logged";
import cloudtrailCloudwatchLogsEnabled from "./cloudtrail-cloudwatch-logs-enabled";
import cloudtrailEncryptedWithKms from "./cloudtrail-encrypted-with-kms";
import cloudtrailLogFileValidationEnabled from "./cloudtrail-log-file-validation-enabled";
import cloudtrailMultiRegionEnabled from "./cloudtrail-multi-region-enabled";
import cloudtrailS3DataEventsEnabled from "./cloudtrail-s3-data-events-enabled";
import cloudwatchAlarmHasActions from "./cloudwatch-alarm-has-actions";
import cloudwatchLogGroupEncryptedWithKms from "./cloudwatch-log-group-encrypted-with-kms";
import cloudwatchLogGroupRetentionAtLeast365Days from "./cloudwatch-log-group-retention-at-least-365-days";
import codebuildProjectEncryptedWithCmk from "./codebuild-project-encrypted-with-cmk";
import codebuildProjectNoPlaintextAwsCredentials from "./codebuild-project-no-plaintext-aws-credentials";
import codebuildProjectSourceWithoutCredentials from "./codebuild-project-source-without-credentials";
import dmsEndpointSslEnabled from "./dms-endpoint-ssl-enabled";
import dmsReplicationInstanceEncryptedWithCmk from "./dms-replication-instance-encrypted-with-cmk";
import dmsReplicationInstanceNotPublic from "./dms-replication-instance-not-public";
import dynamodbDeletionProtectionEnabled from "./dynamodb-deletion-protection-enabled";
import dynamodbPointInTimeRecoveryEnabled from "./dynamodb-point-in-time-recovery-enabled";
import dynamodbTableEncryptedWithCmk from "./dynamodb-table-encrypted-with-cmk";
import dynamodbTableOnDemandOrAutoscaled from "./dynamodb-table-on-demand-or-autoscaled";
import dynamodbTableReplicatedForPhi from "./dynamodb-table-replicated-for-phi";
import ebsVolumeEncryptedWithCmk from "./ebs-volume-encrypted-with-cmk";
import ec2DetailedMonitoringEnabled from "./ec2-detailed-monitoring-enabled";
import ec2EbsEncryptedWithCmk from "./ec2-ebs-encrypted-with-cmk";
import ec2Imdsv2Required from "./ec2-imdsv2-required";
import ec2InstanceInExplicitSubnet from "./ec2-instance-in-explicit-subnet";
import ec2InstanceProfileAttached from "./ec2-instance-profile-attached";
import ec2MetadataHopLimitOne from "./ec2-metadata-hop-limit-one";
import ec2NoPublicIp from "./ec2-no-public-ip";
import ecrRepositoryEncryptedWithKms from "./ecr-repository-encrypted-with-kms";
import ecrRepositoryScanOnPush from "./ecr-repository-scan-on-push";
import ecrRepositoryTagsImmutable from "./ecr-repository-tags-immutable";
import ecsTaskDefinitionAwsvpcNetworkMode from "./ecs-task-definition-awsvpc-network-mode";
import ecsTaskDefinitionEfsTransitEncryption from "./ecs-task-definition-efs-transit-encryption";
import ecsTaskDefinitionNoPrivilegedContainers from "./ecs-task-definition-no-privileged-containers";
import ecsTaskDefinitionNonRootUser from "./ecs-task-definition-non-root-user";
import ecsTaskDefinitionReadOnlyRootFilesystem from "./ecs-task-definition-read-only-root-filesystem";
import efsFileSystemEncryptedWithCmk from "./efs-file-system-encrypted-with-cmk";
import elasticacheEncryptedAtRestWithCmk from "./elasticache-encrypted-at-rest-with-cmk";
import elasticacheEncryptedInTransit from "./elasticache-encrypted-in-transit";
import elasticacheInVpcSubnetGroup from "./elasticache-in-vpc-subnet-group";
import elasticacheRedisAutomaticBackupEnabled from "./elasticache-redis-automatic-backup-enabled";
import elasticbeanstalkEnhancedHealthReporting from "./elasticbeanstalk-enhanced-health-reporting";
import elasticbeanstalkManagedUpdatesEnabled from "./elasticbeanstalk-managed-updates-enabled";
import elbAccessLogsEnabled from "./elb-access-logs-enabled";
import elbClassicCrossZoneLoadBalancing from "./elb-classic-cross-zone-load-balancing";
import elbDeletionProtectionEnabled from "./elb-deletion-protection-enabled";
import elbListenerHttpsOnly from "./elb-listener-https-only";
import elbListenerTls12Policy from "./elb-listener-tls-1-2-policy";
import elbListenerUsesAcmCertificate from "./elb-listener-uses-acm-certificate";
import emrClusterKerberosEnabled from "./emr-cluster-kerberos-enabled";
import emrClusterMasterNoPublicIp from "./emr-cluster-master-no-public-ip";
import emrClusterUsesSecurityConfiguration from "./emr-cluster-uses-security-configuration";
import emrSecurityConfigurationEncryptsData from "./emr-security-configuration-encrypts-data";
import iamAccountPasswordPolicyStrong from "./iam-account-password-policy-strong";
import iamPolicyNoAdminAccess from "./iam-policy-no-admin-access";
import iamPolicyNoFullServiceAccess from "./iam-policy-no-full-service-access";
import iamPolicyNoKmsDecryptOnAllKeys from "./iam-policy-no-kms-decrypt-on-all-keys";
import iamRoleTrustNoWildcardPrincipal from "./iam-role-trust-no-wildcard-principal";
import iamUserNoAttachedPolicies from "./iam-user-no-attached-policies";
import iamUserNoInlinePolicies from "./iam-user-no-inline-policies";
import kinesisStreamEncryptedWithKms from "./kinesis-stream-encrypted-with-kms";
import kmsKeyDeletionWindowSufficient from "./kms-key-deletion-window-sufficient";
import kmsKeyPolicyDefined from "./kms-key-policy-defined";
import kmsKeyPolicyNoWildcardPrincipal from "./kms-key-policy-no-wildcard-principal";
import kmsKeyRotationEnabled from "./kms-key-rotation-enabled";
import kmsReplicaKeyPrimaryRotationEnabled from "./kms-replica-key-primary-rotation-enabled";
import lambdaConcurrencyLimitSet from "./lambda-concurrency-limit-set";
import lambdaEnvironmentEncryptedWithCmk from "./lambda-environment-encrypted-with-cmk";
import lambdaFunctionHasDeadLetterQueue from "./lambda-function-has-dead-letter-queue";
import lambdaFunctionInVpc from "./lambda-function-in-vpc";
import lambdaFunctionNotPublic from "./lambda-function-not-public";
import networkAclNoPublicAdminIngress from "./network-acl-no-public-admin-ingress";
import opensearchDomainAuditLogsEnabled from "./opensearch-domain-audit-logs-enabled";
import opensearchDomainEncryptedAtRestWithCmk from "./opensearch-domain-encrypted-at-rest-with-cmk";
import opensearchDomainErrorLogsToCloudwatch from "./opensearch-domain-error-logs-to-cloudwatch";
import opensearchDomainFineGrainedAccessControl from "./opensearch-domain-fine-grained-access-control";
import opensearchDomainHttpsTls12 from "./opensearch-domain-https-tls-1-2";
import opensearchDomainInVpc from "./opensearch-domain-in-vpc";
import opensearchDomainNodeToNodeEncryption from "./opensearch-domain-node-to-node-encryption";
import rdsAutoMinorVersionUpgradeEnabled from "./rds-auto-minor-version-upgrade-enabled";
import rdsBackupRetentionSufficient from "./rds-backup-retention-sufficient";
import rdsCopyTagsToSnapshots from "./rds-copy-tags-to-snapshots";
import rdsDeletionProtectionEnabled from "./rds-deletion-protection-enabled";
import rdsEnhancedMonitoringEnabled from "./rds-enhanced-monitoring-enabled";
import rdsIamAuthenticationEnabled from "./rds-iam-authentication-enabled";
import rdsLogExportsEnabled from "./rds-log-exports-enabled";
import rdsMultiAzEnabled from "./rds-multi-az-enabled";
import rdsNotPubliclyAccessible from "./rds-not-publicly-accessible";
import rdsPerformanceInsightsEncryptedWithCmk from "./rds-performance-insights-encrypted-with-cmk";
import rdsRequireTlsConnections from "./rds-require-tls-connections";
import rdsSnapshotNotPublic from "./rds-snapshot-not-public";
import rdsStorageEncryptedWithCmk from "./rds-storage-encrypted-with-cmk";
import redshiftAutomatedSnapshotRetention from "./redshift-automated-snapshot-retention";
import redshiftClusterAuditLoggingEnabled from "./redshift-cluster-audit-logging-enabled";
import redshiftClusterEncryptedWithCmk from "./redshift-cluster-encrypted-with-cmk";
import redshiftClusterMaintenanceSettings from "./redshift-cluster-maintenance-settings";
import redshiftClusterNotPublic from "./redshift-cluster-not-public";
import redshiftEnhancedVpcRoutingEnabled from "./redshift-enhanced-vpc-routing-enabled";
import redshiftRequireTls from "./redshift-require-tls";
import s3BucketAccessLoggingEnabled from "./s3-bucket-access-logging-enabled";
import s3BucketAclsDisabled from "./s3-bucket-acls-disabled";
import s3BucketEncryptedWithKms from "./s3-bucket-encrypted-with-kms";
import s3BucketObjectLockEnabledForPhi from "./s3-bucket-object-lock-enabled-for-phi";
import s3BucketPolicyRequiresTls12 from "./s3-bucket-policy-requires-tls-1-2";
import s3BucketPublicAccessBlocked from "./s3-bucket-public-access-blocked";
import s3BucketReplicationEnabledForPhi from "./s3-bucket-replication-enabled-for-phi";
import s3BucketSslRequestsOnly from "./s3-bucket-ssl-requests-only";
import s3BucketVersionedHasLifecycle from "./s3-bucket-versioned-has-lifecycle";
import s3BucketVersioningEnabled from "./s3-bucket-versioning-enabled";
import sagemakerEndpointConfigurationEncryptedWithKms from "./sagemaker-endpoint-configuration-encrypted-with-kms";
import sagemakerNotebookEncryptedWithKms from "./sagemaker-notebook-encrypted-with-kms";
import sagemakerNotebookInVpc from "./sagemaker-notebook-in-vpc";
import sagemakerNotebookNoDirectInternetAccess from "./sagemaker-notebook-no-direct-internet-access";
import sagemakerNotebookRootAccessDisabled from "./sagemaker-notebook-root-access-disabled";
import secretsmanagerRotationWithin90Days from "./secretsmanager-rotation-within-90-days";
import secretsmanagerSecretEncryptedWithCmk from "./secretsmanager-secret-encrypted-with-cmk";
import secretsmanagerSecretRotationEnabled from "./secretsmanager-secret-rotation-enabled";
import securityGroupNoPublicAdminIngress from "./security-group-no-public-admin-ingress";
import securityGroupPublicIngressOnlyAuthorizedPorts from "./security-group-public-ingress-only-authorized-ports";
import snsTopicEncryptedWithKms from "./sns-topic-encrypted-with-kms";
import sqsQueueEncryptedWithKms from "./sqs-queue-encrypted-with-kms";
import sqsQueueHasDeadLetterQueue from "./sqs-queue-has-dead-letter-queue";
import sqsQueuePolicyRequiresTls from "./sqs-queue-policy-requires-tls";
import ssmDocumentNotPublic from "./ssm-document-not-public";
import ssmParameterSecretsSecureStringWithCmk from "./ssm-parameter-secrets-secure-string-with-cmk";
import vpcDefaultSecurityGroupClosed from "./vpc-default-security-group-closed";
import vpcEndpointsForS3AndKms from "./vpc-endpoints-for-s3-and-kms";
import vpcFlowLogCapturesAllTraffic from "./vpc-flow-log-captures-all-traffic";
import vpcFlowLogsEnabled from "./vpc-flow-logs-enabled";
import vpcSubnetNoPublicIpOnLaunch from "./vpc-subnet-no-public-ip-on-launch";
import wafv2WebAclLoggingEnabled from "./wafv2-web-acl-logging-enabled";

export const awsRules: PhiguardPolicy[] = [
  acmCertificateKeyAlgorithmStrong,
  acmCertificateRenewsBeforeExpiry,
  acmCertificateTransparencyLoggingEnabled,
  albDropInvalidHeaderFields,
  albWafAssociated,
  apigatewayDomainNameTls12,
  apigatewayMethodSettingsNoDataTrace,
  apigatewayStageAccessLoggingEnabled,
  apigatewayStageCacheEncrypted,
  apigatewayStageClientCertificateConfigured,
  apigatewayStageExecutionLoggingEnabled,
  apigatewayStageWafAssociated,
  apigatewayStageXrayTracingEnabled,
  autoscalingGroupElbHealthCheck,
  backupPlanCopiesToAnotherRegion,
  backupPlanDailyWith35DayRetention,
  backupSelectionCoversPhiDataStores,
  backupVaultEncryptedWithCmk,
  backupVaultLockEnabled,
  cloudtrailBucketPrivateAndLogged,
  cloudtrailCloudwatchLogsEnabled,
  cloudtrailEncryptedWithKms,
  cloudtrailLogFileValidationEnabled,
  cloudtrailMultiRegionEnabled,
  cloudtrailS3DataEventsEnabled,
  cloudwatchAlarmHasActions,
  cloudwatchLogGroupEncryptedWithKms,
  cloudwatchLogGroupRetentionAtLeast365Days,
  codebuildProjectEncryptedWithCmk,
  codebuildProjectNoPlaintextAwsCredentials,
  codebuildProjectSourceWithoutCredentials,
  dmsEndpointSslEnabled,
  dmsReplicationInstanceEncryptedWithCmk,
  dmsReplicationInstanceNotPublic,
  dynamodbDeletionProtectionEnabled,
  dynamodbPointInTimeRecoveryEnabled,
  dynamodbTableEncryptedWithCmk,
  dynamodbTableOnDemandOrAutoscaled,
  dynamodbTableReplicatedForPhi,
  ebsVolumeEncryptedWithCmk,
  ec2DetailedMonitoringEnabled,
  ec2EbsEncryptedWithCmk,
  ec2Imdsv2Required,
  ec2InstanceInExplicitSubnet,
  ec2InstanceProfileAttached,
  ec2MetadataHopLimitOne,
  ec2NoPublicIp,
  ecrRepositoryEncryptedWithKms,
  ecrRepositoryScanOnPush,
  ecrRepositoryTagsImmutable,
  ecsTaskDefinitionAwsvpcNetworkMode,
  ecsTaskDefinitionEfsTransitEncryption,
  ecsTaskDefinitionNoPrivilegedContainers,
  ecsTaskDefinitionNonRootUser,
  ecsTaskDefinitionReadOnlyRootFilesystem,
  efsFileSystemEncryptedWithCmk,
  elasticacheEncryptedAtRestWithCmk,
  elasticacheEncryptedInTransit,
  elasticacheInVpcSubnetGroup,
  elasticacheRedisAutomaticBackupEnabled,
  elasticbeanstalkEnhancedHealthReporting,
  elasticbeanstalkManagedUpdatesEnabled,
  elbAccessLogsEnabled,
  elbClassicCrossZoneLoadBalancing,
  elbDeletionProtectionEnabled,
  elbListenerHttpsOnly,
  elbListenerTls12Policy,
  elbListenerUsesAcmCertificate,
  emrClusterKerberosEnabled,
  emrClusterMasterNoPublicIp,
  emrClusterUsesSecurityConfiguration,
  emrSecurityConfigurationEncryptsData,
  iamAccountPasswordPolicyStrong,
  iamPolicyNoAdminAccess,
  iamPolicyNoFullServiceAccess,
  iamPolicyNoKmsDecryptOnAllKeys,
  iamRoleTrustNoWildcardPrincipal,
  iamUserNoAttachedPolicies,
  iamUserNoInlinePolicies,
  kinesisStreamEncryptedWithKms,
  kmsKeyDeletionWindowSufficient,
  kmsKeyPolicyDefined,
  kmsKeyPolicyNoWildcardPrincipal,
  kmsKeyRotationEnabled,
  kmsReplicaKeyPrimaryRotationEnabled,
  lambdaConcurrencyLimitSet,
  lambdaEnvironmentEncryptedWithCmk,
  lambdaFunctionHasDeadLetterQueue,
  lambdaFunctionInVpc,
  lambdaFunctionNotPublic,
  networkAclNoPublicAdminIngress,
  opensearchDomainAuditLogsEnabled,
  opensearchDomainEncryptedAtRestWithCmk,
  opensearchDomainErrorLogsToCloudwatch,
  opensearchDomainFineGrainedAccessControl,
  opensearchDomainHttpsTls12,
  opensearchDomainInVpc,
  opensearchDomainNodeToNodeEncryption,
  rdsAutoMinorVersionUpgradeEnabled,
  rdsBackupRetentionSufficient,
  rdsCopyTagsToSnapshots,
  rdsDeletionProtectionEnabled,
  rdsEnhancedMonitoringEnabled,
  rdsIamAuthenticationEnabled,
  rdsLogExportsEnabled,
  rdsMultiAzEnabled,
  rdsNotPubliclyAccessible,
  rdsPerformanceInsightsEncryptedWithCmk,
  rdsRequireTlsConnections,
  rdsSnapshotNotPublic,
  rdsStorageEncryptedWithCmk,
  redshiftAutomatedSnapshotRetention,
  redshiftClusterAuditLoggingEnabled,
  redshiftClusterEncryptedWithCmk,
  redshiftClusterMaintenanceSettings,
  redshiftClusterNotPublic,
  redshiftEnhancedVpcRoutingEnabled,
  redshiftRequireTls,
  s3BucketAccessLoggingEnabled,
  s3BucketAclsDisabled,
  s3BucketEncryptedWithKms,
  s3BucketObjectLockEnabledForPhi,
  s3BucketPolicyRequiresTls12,
  s3BucketPublicAccessBlocked,
  s3BucketReplicationEnabledForPhi,
  s3BucketSslRequestsOnly,
  s3BucketVersionedHasLifecycle,
  s3BucketVersioningEnabled,
  sagemakerEndpointConfigurationEncryptedWithKms,
  sagemakerNotebookEncryptedWithKms,
  sagemakerNotebookInVpc,
  sagemakerNotebookNoDirectInternetAccess,
  sagemakerNotebookRootAccessDisabled,
  secretsmanagerRotationWithin90Days,
  secretsmanagerSecretEncryptedWithCmk,
  secretsmanagerSecretRotationEnabled,
  securityGroupNoPublicAdminIngress,
  securityGroupPublicIngressOnlyAuthorizedPorts,
  snsTopicEncryptedWithKms,
  sqsQueueEncryptedWithKms,
  sqsQueueHasDeadLetterQueue,
  sqsQueuePolicyRequiresTls,
  ssmDocumentNotPublic,
  ssmParameterSecretsSecureStringWithCmk,
  vpcDefaultSecurityGroupClosed,
  vpcEndpointsForS3AndKms,
  vpcFlowLogCapturesAllTraffic,
  vpcFlowLogsEnabled,
  vpcSubnetNoPublicIpOnLaunch,
  wafv2WebAclLoggingEnabled,
].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
