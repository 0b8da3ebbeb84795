import { HEADER, type ServiceCases } from "./support";

const SECURITY_CONFIGURATION = {
  EncryptionConfiguration: {
    EnableAtRestEncryption: true,
    EnableInTransitEncryption: true,
    AtRestEncryptionConfiguration: {
      S3EncryptionConfiguration: { EncryptionMode: "SSE-KMS", AwsKmsKey: "arn:aws:kms:us-east-1:123456789012:key/1" },
      LocalDiskEncryptionConfiguration: { EncryptionKeyProviderType: "AwsKms", AwsKmsKey: "arn:aws:kms:us-east-1:123456789012:key/1", EnableEbsEncryption: true },
    },
    InTransitEncryptionConfiguration: { TLSCertificateConfiguration: { CertificateProviderType: "PEM", S3Object: "s3://certs/certs.zip" } },
  },
};

/** OpenSearch / Elasticsearch domains, Redshift clusters and EMR clusters. */
export default {
  service: "OpenSearch, Redshift and EMR",
  program: `${HEADER}
const key = new aws.kms.Key("key", { enableKeyRotation: true });
const logs = new aws.cloudwatch.LogGroup("search-logs", { retentionInDays: 365, kmsKeyId: key.arn });

new aws.opensearch.Domain("ok-domain", {
  engineVersion: "OpenSearch_2.13",
  encryptAtRest: { enabled: true, kmsKeyId: key.arn },
  nodeToNodeEncryption: { enabled: true },
  vpcOptions: { subnetIds: ["subnet-0a", "subnet-0b"], securityGroupIds: ["sg-0a"] },
  domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: "Policy-Min-TLS-1-2-PFS-2023-10" },
  advancedSecurityOptions: { enabled: true, internalUserDatabaseEnabled: false, masterUserOptions: { masterUserArn: "arn:aws:iam::123456789012:role/search-admin" } },
  logPublishingOptions: [
    { logType: "ES_APPLICATION_LOGS", cloudwatchLogGroupArn: logs.arn },
    { logType: "AUDIT_LOGS", cloudwatchLogGroupArn: logs.arn, enabled: true },
  ],
});
new aws.opensearch.Domain("bad-domain", { engineVersion: "OpenSearch_2.13" });
new aws.elasticsearch.Domain("bad-es-domain", {
  elasticsearchVersion: "7.10",
  encryptAtRest: { enabled: true },
  domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: "Policy-Min-TLS-1-0-2019-07" },
  logPublishingOptions: [{ logType: "ES_APPLICATION_LOGS", cloudwatchLogGroupArn: logs.arn, enabled: false }],
});
new aws.opensearch.Domain("unk-domain", {
  encryptAtRest: { enabled: key.arn.apply(() => true), kmsKeyId: key.arn },
  nodeToNodeEncryption: { enabled: key.arn.apply(() => true) },
  vpcOptions: { subnetIds: ["subnet-0a"] },
  domainEndpointOptions: { enforceHttps: key.arn.apply(() => true), tlsSecurityPolicy: "Policy-Min-TLS-1-2-2019-07" },
  advancedSecurityOptions: { enabled: key.arn.apply(() => true) },
  logPublishingOptions: [{ logType: key.arn.apply(() => "AUDIT_LOGS"), cloudwatchLogGroupArn: logs.arn }],
});

const params = new aws.redshift.ParameterGroup("tls-params", { family: "redshift-1.0", parameters: [{ name: "require_ssl", value: "true" }] });
new aws.redshift.ParameterGroup("plain-params", { name: "plain-params", family: "redshift-1.0", parameters: [{ name: "require_ssl", value: "false" }] });
const cluster = { nodeType: "ra3.xlplus", masterUsername: "admin", manageMasterPassword: true };
const okCluster = new aws.redshift.Cluster("ok-redshift", {
  ...cluster, clusterIdentifier: "ok-redshift", kmsKeyId: key.arn, clusterParameterGroupName: params.name, enhancedVpcRouting: true,
  automatedSnapshotRetentionPeriod: 35, preferredMaintenanceWindow: "sun:05:00-sun:05:30", tags: phi,
});
new aws.redshift.Logging("ok-redshift-logging", { clusterIdentifier: okCluster.clusterIdentifier, logDestinationType: "cloudwatch", logExports: ["connectionlog", "userlog", "useractivitylog"] });
new aws.redshift.Cluster("named-redshift", {
  ...cluster, clusterIdentifier: "named-redshift", encrypted: "true", kmsKeyId: key.arn, clusterParameterGroupName: "plain-params", enhancedVpcRouting: true,
  automatedSnapshotRetentionPeriod: 7, preferredMaintenanceWindow: "sun:05:00-sun:05:30",
});
new aws.redshift.Logging("named-redshift-logging", { clusterIdentifier: "named-redshift", bucketName: "audit-logs" });
new aws.redshift.Cluster("bad-redshift", { ...cluster, clusterIdentifier: "bad-redshift", encrypted: "false", publiclyAccessible: true, allowVersionUpgrade: false, automatedSnapshotRetentionPeriod: 0 });
const elsewhere = new aws.redshift.Cluster("bad-redshift-external-params", { ...cluster, clusterIdentifier: "external", kmsKeyId: "alias/aws/redshift", clusterParameterGroupName: "shared-params", tags: phi, automatedSnapshotRetentionPeriod: 7 });
new aws.redshift.Logging("bad-redshift-logging-no-bucket", { clusterIdentifier: elsewhere.clusterIdentifier, logDestinationType: "s3" });
new aws.redshift.Cluster("unk-redshift", { ...cluster, clusterIdentifier: "unk-redshift", kmsKeyId: key.arn, encrypted: key.arn.apply(() => "true"), allowVersionUpgrade: key.arn.apply(() => true), publiclyAccessible: key.arn.apply(() => false), enhancedVpcRouting: key.arn.apply(() => true), automatedSnapshotRetentionPeriod: key.arn.apply(() => 7), preferredMaintenanceWindow: "sun:05:00-sun:05:30" });

new aws.emr.SecurityConfiguration("ok-emr-security", { configuration: JSON.stringify(${JSON.stringify(SECURITY_CONFIGURATION)}) });
new aws.emr.SecurityConfiguration("bad-emr-security", { configuration: JSON.stringify({ EncryptionConfiguration: { EnableAtRestEncryption: true, EnableInTransitEncryption: false, AtRestEncryptionConfiguration: { S3EncryptionConfiguration: { EncryptionMode: "SSE-S3" }, LocalDiskEncryptionConfiguration: { EncryptionKeyProviderType: "AwsKms", AwsKmsKey: "k" } } } }) });
new aws.emr.SecurityConfiguration("bad-emr-security-none", { configuration: JSON.stringify({ AuthenticationConfiguration: {} }) });
new aws.emr.SecurityConfiguration("unk-emr-security", { configuration: key.arn.apply((k) => JSON.stringify({ EncryptionConfiguration: { EnableAtRestEncryption: true, EnableInTransitEncryption: true, KmsKey: k } })) });

const vpc = new aws.ec2.Vpc("emr-vpc", { cidrBlock: "10.9.0.0/16" });
const igw = new aws.ec2.InternetGateway("emr-igw", { vpcId: vpc.id });
const privateSubnet = new aws.ec2.Subnet("emr-private", { vpcId: vpc.id, cidrBlock: "10.9.1.0/24" });
const routedSubnet = new aws.ec2.Subnet("emr-routed", { vpcId: vpc.id, cidrBlock: "10.9.2.0/24" });
const mappingSubnet = new aws.ec2.Subnet("emr-mapping", { vpcId: vpc.id, cidrBlock: "10.9.3.0/24", mapPublicIpOnLaunch: true });
const publicTable = new aws.ec2.RouteTable("emr-public-rt", { vpcId: vpc.id });
new aws.ec2.Route("emr-public-default", { routeTableId: publicTable.id, destinationCidrBlock: "0.0.0.0/0", gatewayId: igw.id });
new aws.ec2.RouteTableAssociation("emr-routed-assoc", { subnetId: routedSubnet.id, routeTableId: publicTable.id });
const emr = { releaseLabel: "emr-7.1.0", serviceRole: "arn:aws:iam::123456789012:role/emr", applications: ["Spark"] };
const kerberos = { realm: "EC2.INTERNAL", kdcAdminPassword: "placeholder-1234" };
new aws.emr.Cluster("ok-emr", { ...emr, securityConfiguration: "ok-emr-security", kerberosAttributes: kerberos, ec2Attributes: { instanceProfile: "emr-profile", subnetId: privateSubnet.id } });
new aws.emr.Cluster("ok-emr-literal-subnet", { ...emr, securityConfiguration: "ok-emr-security", kerberosAttributes: kerberos, ec2Attributes: { instanceProfile: "emr-profile", subnetId: "subnet-0existing" } });
new aws.emr.Cluster("bad-emr", { ...emr, ec2Attributes: { instanceProfile: "emr-profile" } });
new aws.emr.Cluster("bad-emr-routed", { ...emr, securityConfiguration: "ok-emr-security", ec2Attributes: { instanceProfile: "emr-profile", subnetId: routedSubnet.id } });
new aws.emr.Cluster("bad-emr-mapping", { ...emr, securityConfiguration: "ok-emr-security", ec2Attributes: { instanceProfile: "emr-profile", subnetIds: [mappingSubnet.id] } });
new aws.emr.Cluster("unk-emr", { ...emr, securityConfiguration: "ok-emr-security", kerberosAttributes: { realm: key.arn.apply(() => "EC2.INTERNAL"), kdcAdminPassword: "placeholder-1234" }, ec2Attributes: { instanceProfile: "emr-profile", subnetId: privateSubnet.id } });
`,
  cases: [
    { rule: "opensearch-domain-encrypted-at-rest-with-cmk", pass: ["ok-domain"], fail: ["bad-domain", "bad-es-domain"], unknown: ["unk-domain"] },
    { rule: "opensearch-domain-node-to-node-encryption", pass: ["ok-domain"], fail: ["bad-domain", "bad-es-domain"], unknown: ["unk-domain"] },
    { rule: "opensearch-domain-in-vpc", pass: ["ok-domain", "unk-domain"], fail: ["bad-domain", "bad-es-domain"] },
    { rule: "opensearch-domain-error-logs-to-cloudwatch", pass: ["ok-domain"], fail: ["bad-domain", "bad-es-domain"], unknown: ["unk-domain"] },
    { rule: "opensearch-domain-audit-logs-enabled", pass: ["ok-domain"], fail: ["bad-domain", "bad-es-domain"], unknown: ["unk-domain"] },
    { rule: "opensearch-domain-https-tls-1-2", pass: ["ok-domain"], fail: ["bad-domain", "bad-es-domain"], unknown: ["unk-domain"] },
    { rule: "opensearch-domain-fine-grained-access-control", pass: ["ok-domain"], fail: ["bad-domain", "bad-es-domain"], unknown: ["unk-domain"] },
    { rule: "redshift-cluster-encrypted-with-cmk", pass: ["ok-redshift", "named-redshift"], fail: ["bad-redshift", "bad-redshift-external-params"], unknown: ["unk-redshift"] },
    { rule: "redshift-cluster-audit-logging-enabled", pass: ["ok-redshift", "named-redshift"], fail: ["bad-redshift", "bad-redshift-external-params", "unk-redshift"] },
    { rule: "redshift-require-tls", pass: ["ok-redshift"], fail: ["named-redshift", "bad-redshift", "bad-redshift-external-params", "unk-redshift"] },
    { rule: "redshift-cluster-not-public", pass: ["ok-redshift", "named-redshift", "bad-redshift-external-params"], fail: ["bad-redshift"], unknown: ["unk-redshift"] },
    { rule: "redshift-enhanced-vpc-routing-enabled", pass: ["ok-redshift", "named-redshift"], fail: ["bad-redshift", "bad-redshift-external-params"], unknown: ["unk-redshift"] },
    { rule: "redshift-automated-snapshot-retention", pass: ["ok-redshift", "named-redshift"], fail: ["bad-redshift", "bad-redshift-external-params"], unknown: ["unk-redshift"] },
    { rule: "redshift-cluster-maintenance-settings", pass: ["ok-redshift", "named-redshift"], fail: ["bad-redshift", "bad-redshift-external-params"], unknown: ["unk-redshift"] },
    { rule: "emr-security-configuration-encrypts-data", pass: ["ok-emr-security"], fail: ["bad-emr-security", "bad-emr-security-none"], unknown: ["unk-emr-security"] },
    { rule: "emr-cluster-uses-security-configuration", pass: ["ok-emr", "ok-emr-literal-subnet", "bad-emr-routed", "unk-emr"], fail: ["bad-emr"] },
    { rule: "emr-cluster-kerberos-enabled", pass: ["ok-emr", "ok-emr-literal-subnet", "unk-emr"], fail: ["bad-emr", "bad-emr-routed", "bad-emr-mapping"] },
    { rule: "emr-cluster-master-no-public-ip", pass: ["ok-emr", "ok-emr-literal-subnet", "unk-emr"], fail: ["bad-emr", "bad-emr-routed", "bad-emr-mapping"] },
  ],
} satisfies ServiceCases;
