/**
 * fhir-platform: a FHIR API (HAPI FHIR) on EKS with an Aurora PostgreSQL global database. See README.md.
 *
 *   clients (VPN / peered networks) ──HTTPS, TLS 1.2+──▶ internal ALB + WAF (managed rules, logged)
 *        ──▶ SecureWorkload "fhir-api" (HAPI FHIR, pinned by digest) on SecureCluster "eks" (private API endpoint)
 *              ├──TLS──▶ PhiDatabase "fhir": Aurora PostgreSQL, global: writer in region 1, secondary in region 2
 *              └──HTTPS (Pod Identity)──▶ PhiBucket "attachments" ──replication──▶ region 2
 *   AuditTrail (management + S3 data events) · BackupPlan (vault lock, cross-region copy)
 */
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import {
  AuditTrail,
  BackupPlan,
  CLOUDTRAIL_KEY_ACCESS,
  EnvelopeKey,
  MultiRegionNetwork,
  PhiBucket,
  PhiDatabase,
  S3_ACCESS_LOG_KEY_ACCESS,
  SecureCluster,
  SecureWorkload,
  WorkloadBaseline,
} from "../../components";
import { commonKeys, misconfigured, readConfig, roleArn, setting, supernet, SUPERNET_EXPECTED, wholeNumber, type ConfigValues } from "../shared/config";
import { physicalName, plainTags, stackContext, tagging } from "../shared/foundation";
import { LOG_RETENTION_DAYS } from "../shared/lambda";
import { albController, nodePullThroughCacheAccess } from "./albController";

export const WORKLOAD = "fhir-platform";

/** The namespace and name of the FHIR API. */
export const NAMESPACE = "fhir";
export const APP = "fhir-api";
/** Where the ALB sends traffic: the HAPI FHIR container's port. */
const CONTAINER_PORT = 8080;

const host = z.string().regex(/^(?=.{1,253}$)([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)+$/);
const acmArn = z.string().regex(/^arn:aws(-us-gov|-cn)?:acm:[a-z0-9-]+:\d{12}:certificate\/[A-Za-z0-9-]+$/);

export const CONFIG_KEYS = {
  ...commonKeys(),
  supernet: setting(supernet.default("10.80.0.0/12"), SUPERNET_EXPECTED),
  clusterAdmins: setting(z.array(roleArn).min(1), 'a list of IAM role ARNs with cluster-admin, like ["arn:aws:iam::123456789012:role/PlatformAdmin"] (include the role that runs pulumi up)'),
  fhirHost: setting(host, 'the DNS name clients use, like "fhir.internal.example-health.org" (covered by the certificate)'),
  certificateArn: setting(acmArn, 'the ACM certificate ARN for fhirHost in the first region, like "arn:aws:acm:us-east-1:123456789012:certificate/<id>"'),
  fhirImageDigest: setting(z.string().regex(/^sha256:[a-f0-9]{64}$/), 'the digest of the HAPI FHIR image copied into the stack\'s ECR repository, like "sha256:<64 hex digits>"'),
  dbMasterPassword: setting(z.string().min(16).max(128).regex(/^[^/@" ]+$/), 'a secret of 16-128 characters without "/", "@", \'"\' or spaces (pulumi config set --secret phiguard:dbMasterPassword ...)', { secret: true }),
  dbInstanceClass: setting(z.string().regex(/^db\.[a-z0-9-]+\.[a-z0-9]+$/).default("db.r6g.large"), 'an Aurora instance class like "db.r6g.large"'),
  nodes: setting(
    z
      .object({ instanceType: z.string().regex(/^[a-z0-9-]+\.[a-z0-9]+$/), minSize: wholeNumber(2, 100), maxSize: wholeNumber(2, 100) })
      .strict()
      .refine((n) => n.minSize <= n.maxSize, { message: "minSize must not exceed maxSize" })
      .default({ instanceType: "m6i.xlarge", minSize: 3, maxSize: 6 }),
    '{"instanceType":"m6i.xlarge","minSize":2-100,"maxSize":2-100} with minSize <= maxSize',
  ),
  wafRateLimit: setting(wholeNumber(100, 2_000_000_000).default(2000), "a whole number of requests per 5 minutes per client IP, at least 100, like 2000"),
  backupRetentionDays: setting(wholeNumber(35, 36500).default(35), "a whole number of days from 35 to 36500, like 35"),
  vaultLockMode: setting(z.enum(["compliance", "governance"]).default("compliance"), 'one of "compliance" (irreversible after 3 days) or "governance"'),
};
export type FhirPlatformConfig = ConfigValues<typeof CONFIG_KEYS>;

export function fhirPlatform(): Record<string, pulumi.Input<unknown>> {
  return buildFhirPlatform(readConfig(CONFIG_KEYS));
}

export function buildFhirPlatform(config: FhirPlatformConfig): Record<string, pulumi.Input<unknown>> {
  const ctx = stackContext(WORKLOAD, config);
  const [region, secondary] = config.regions;
  // Test hook (phiguard:testMisconfigure): at most one of these is true; see README "Misconfiguration variants".
  const broken = misconfigured(config.testMisconfigure);

  const key = new EnvelopeKey("phi", {
    ...tagging(ctx),
    regions: [...config.regions],
    description: "fhir-platform: database, attachments, cluster secrets and volumes, logs, backups",
    viaServices: ["s3", "rds", "secretsmanager", "ec2", "ecr", "backup"],
    allowCloudWatchLogs: true,
    servicePrincipals: [CLOUDTRAIL_KEY_ACCESS, S3_ACCESS_LOG_KEY_ACCESS],
  });

  // Two regions, private (nodes, endpoints) and isolated (database) tiers; no internet route.
  const network = new MultiRegionNetwork("net", {
    ...tagging(ctx),
    regions: [...config.regions],
    supernet: config.supernet,
    azCount: 2,
    tiers: ["private", "isolated"],
    gatewayEndpoints: ["s3"],
    // What nodes, Pod Identity, the ALB controller and the rotation function call (no NAT). Session
    // Manager access to nodes would also need ssm, ssmmessages and ec2messages.
    interfaceEndpoints: ["kms", "sts", "logs", "ecr.api", "ecr.dkr", "secretsmanager", "ec2", "eks", "eks-auth", "elasticloadbalancing", "wafv2"],
    peering: false,
    flowLogs: { key },
  });
  const primaryNet = network.byRegion[region]!;
  const secondaryNet = network.byRegion[secondary]!;
  const cidrsOf = (r: string, tier: "private" | "isolated") =>
    network.layout.regions.find((l) => l.region === r)!.subnets.filter((s) => s.tier === tier).map((s) => s.cidr);
  // The AWS Load Balancer Controller places internal ALBs in subnets tagged for it.
  primaryNet.subnets.private.forEach((subnet, i) => {
    new aws.ec2.Tag(`internal-elb-subnet-${region}-${i}`, { region, resourceId: subnet.id, key: "kubernetes.io/role/internal-elb", value: "1" });
  });

  // Images: HAPI FHIR is copied into a private repository (KMS, scanned, immutable tags); ECR Public
  // images (the ALB controller) come through a pull-through cache. Nodes never reach the internet.
  const repositoryName = physicalName("hapi-fhir", 256).toLowerCase();
  new aws.ecr.Repository("hapi-fhir", {
    region,
    name: repositoryName,
    imageTagMutability: "IMMUTABLE",
    imageScanningConfiguration: { scanOnPush: true },
    encryptionConfigurations: [{ encryptionType: "KMS", kmsKey: key.arnFor(region) }],
    forceDelete: false,
    tags: plainTags(ctx, "hapi-fhir", "internal"),
  });
  const registry = pulumi.interpolate`${ctx.accountId}.dkr.ecr.${region}.amazonaws.com`;
  const image = pulumi.interpolate`${registry}/${repositoryName}@${config.fhirImageDigest}`;
  const cachePrefix = "ecr-public";
  new aws.ecr.PullThroughCacheRule("ecr-public-cache", { region, ecrRepositoryPrefix: cachePrefix, upstreamRegistryUrl: "public.ecr.aws" });

  // The cluster: private API endpoint, secrets and volumes under the CMK, all control-plane logs.
  const cluster = new SecureCluster("eks", {
    ...tagging(ctx),
    network,
    region,
    key,
    administrators: config.clusterAdmins,
    nodeGroups: { general: { instanceTypes: [config.nodes.instanceType], minSize: config.nodes.minSize, maxSize: config.nodes.maxSize } },
    logRetentionInDays: 2192,
  });
  nodePullThroughCacheAccess(cluster, pulumi.interpolate`arn:${ctx.partition}:ecr:${region}:${ctx.accountId}:repository/${cachePrefix}`);
  const controller = albController({ cluster, vpcId: primaryNet.vpc.id, ecrPublicCache: pulumi.interpolate`${registry}/${cachePrefix}` });

  // Attachments (binary resources) and the database.
  const attachments = new PhiBucket("attachments", { ...tagging(ctx), key });
  const rotationSg = new aws.ec2.SecurityGroup("db-rotation-sg", {
    region,
    vpcId: primaryNet.vpc.id,
    description: "Master secret rotation Lambda: PostgreSQL to the database, HTTPS to Secrets Manager",
    ingress: [],
    egress: [
      { description: "PostgreSQL to the isolated subnets", protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: cidrsOf(region, "isolated") },
      { description: "HTTPS to interface endpoints", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: [primaryNet.cidr] },
    ],
    revokeRulesOnDelete: true,
    tags: { ...plainTags(ctx, "db-rotation-sg"), Name: "db-rotation-sg" },
  });
  // AWS's single-user rotation function for PostgreSQL (Serverless Application Repository), in the VPC.
  const rotation = new aws.serverlessrepository.CloudFormationStack("db-rotation", {
    region,
    name: physicalName("db-rotation", 128),
    applicationId: "arn:aws:serverlessrepo:us-east-1:297356227824:applications/SecretsManagerRDSPostgreSQLRotationSingleUser",
    capabilities: ["CAPABILITY_IAM", "CAPABILITY_RESOURCE_POLICY"],
    parameters: {
      endpoint: `https://secretsmanager.${region}.amazonaws.com`,
      functionName: physicalName("db-rotation"),
      vpcSubnetIds: pulumi.all(primaryNet.subnets.private.map((s) => s.id)).apply((ids) => ids.join(",")),
      vpcSecurityGroupIds: rotationSg.id,
      kmsKeyArn: key.arnFor(region),
    },
    tags: plainTags(ctx, "db-rotation"),
  });
  const database = new PhiDatabase("fhir", {
    ...tagging(ctx),
    key,
    region,
    vpcId: primaryNet.vpc.id,
    subnetIds: primaryNet.subnets.isolated.map((s) => s.id),
    allowedSecurityGroupIds: [cluster.clusterSecurityGroupId, rotationSg.id],
    databaseName: "fhir",
    instanceClass: config.dbInstanceClass,
    allowUnencryptedTransport: broken.transport,
    globalDatabase: {
      region: secondary,
      vpcId: secondaryNet.vpc.id,
      subnetIds: secondaryNet.subnets.isolated.map((s) => s.id),
      masterPassword: pulumi.secret(config.dbMasterPassword),
      rotationLambdaArn: rotation.outputs.apply((o) => o["RotationLambdaARN"] ?? ""),
    },
  });

  // WAF: AWS managed rule groups and a per-IP rate limit, every request logged (CMK log group).
  const waf = new aws.wafv2.WebAcl("fhir-waf", {
    region,
    name: physicalName("fhir-waf", 128),
    description: "FHIR API: AWS managed rules, rate limit",
    scope: "REGIONAL",
    defaultAction: { allow: {} },
    rules: [
      managedRuleGroup("AWSManagedRulesAmazonIpReputationList", 10),
      // FHIR transaction bundles exceed the core rule set's 8 KB body limit: count that one rule instead of blocking.
      managedRuleGroup("AWSManagedRulesCommonRuleSet", 20, ["SizeRestrictions_BODY"]),
      managedRuleGroup("AWSManagedRulesKnownBadInputsRuleSet", 30),
      managedRuleGroup("AWSManagedRulesSQLiRuleSet", 40),
      {
        name: "rate-limit-per-ip",
        priority: 50,
        action: { block: {} },
        statement: { rateBasedStatement: { limit: config.wafRateLimit, aggregateKeyType: "IP" } },
        visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "rate-limit-per-ip", sampledRequestsEnabled: false },
      },
    ],
    // Sampled requests would keep request details outside the encrypted log: off.
    visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "fhir-waf", sampledRequestsEnabled: false },
    tags: plainTags(ctx, "fhir-waf"),
  });
  const wafLogs = new aws.cloudwatch.LogGroup("fhir-waf-logs", {
    region,
    name: `aws-waf-logs-${physicalName("fhir", 480)}`,
    retentionInDays: LOG_RETENTION_DAYS,
    ...(broken.encryption ? {} : { kmsKeyId: key.arnFor(region) }),
    tags: plainTags(ctx, "fhir-waf-logs"),
  });
  if (!broken.logging) {
    new aws.wafv2.WebAclLoggingConfiguration("fhir-waf-logging", {
      region,
      resourceArn: waf.arn,
      logDestinationConfigs: [wafLogs.arn],
      redactedFields: [{ singleHeader: { name: "authorization" } }, { singleHeader: { name: "cookie" } }],
    });
  }

  // The FHIR API: a restricted namespace (default deny, quota) and a hardened workload.
  const provider = cluster.provider;
  const baseline = new WorkloadBaseline(
    "apps",
    {
      namespaces: {
        [NAMESPACE]: {
          labels: { "phiguard.io/workload": WORKLOAD },
          quota: { requestsCpu: "8", requestsMemory: "16Gi", limitsCpu: "16", limitsMemory: "32Gi", pods: 30 },
        },
      },
    },
    { provider },
  );
  const appRole = cluster.podIdentityRole(NAMESPACE, APP, {
    policy: pulumi.jsonStringify({
      Version: "2012-10-17",
      Statement: [
        { Sid: "ListAttachments", Effect: "Allow", Action: ["s3:ListBucket"], Resource: attachments.arn },
        { Sid: "ReadWriteAttachments", Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: pulumi.interpolate`${attachments.arn}/*` },
      ],
    }),
  });
  const dbUrl = pulumi.interpolate`jdbc:postgresql://${database.endpoint}:${database.port}/fhir?sslmode=require`;
  const api = new SecureWorkload(
    APP,
    {
      namespace: NAMESPACE,
      baseline,
      image,
      containerPort: CONTAINER_PORT,
      resources: { requests: { cpu: "1", memory: "2Gi" }, limits: { cpu: "2", memory: "4Gi" } },
      env: {
        HAPI_FHIR_FHIR_VERSION: "R4",
        HAPI_FHIR_SERVER_ADDRESS: `https://${config.fhirHost}/fhir/`,
        SPRING_DATASOURCE_URL: dbUrl,
        SPRING_DATASOURCE_DRIVERCLASSNAME: "org.postgresql.Driver",
        SPRING_JPA_PROPERTIES_HIBERNATE_DIALECT: "ca.uhn.fhir.jpa.model.dialect.HapiFhirPostgresDialect",
        // Credentials come as files (spring.datasource.username / spring.datasource.password), never env vars.
        SPRING_CONFIG_IMPORT: "optional:configtree:/var/run/secrets/fhir-db/",
        ATTACHMENTS_BUCKET: attachments.bucketName,
        JAVA_TOOL_OPTIONS: "-XX:MaxRAMPercentage=75 -Djava.io.tmpdir=/tmp",
      },
      secretFiles: [{ secretName: "fhir-db", mountPath: "/var/run/secrets/fhir-db" }],
      writablePaths: ["/tmp"],
      livenessProbe: { path: "/actuator/health/liveness", initialDelaySeconds: 120, periodSeconds: 15 },
      readinessProbe: { path: "/actuator/health/readiness", initialDelaySeconds: 60 },
      autoscaling: { minReplicas: 2, maxReplicas: 6, targetCpuUtilization: 70 },
      podIdentity: { cluster, roleArn: appRole.arn },
      allowTo: [
        { peers: cidrsOf(region, "isolated").map((cidr) => ({ cidr })), ports: [{ port: 5432 }] },
        // The VPC has no internet route: 443 reaches only the S3 gateway and the interface endpoints.
        { peers: [{ cidr: "0.0.0.0/0" }], ports: [{ port: 443 }] },
      ],
      ingress: {
        host: config.fhirHost,
        path: "/fhir",
        certificateArn: config.certificateArn,
        albSubnetCidrs: cidrsOf(region, "private"),
        wafAclArn: waf.arn,
      },
    },
    { provider, dependsOn: [controller] },
  );
  if (broken.network) {
    // The variant: the API published on a public load balancer, plain HTTP.
    new k8s.core.v1.Service(
      "fhir-api-public",
      {
        metadata: { name: "fhir-api-public", namespace: NAMESPACE },
        spec: { type: "LoadBalancer", selector: { "app.kubernetes.io/name": APP }, ports: [{ name: "http", port: 80, targetPort: CONTAINER_PORT }] },
      },
      { provider, dependsOn: [api] },
    );
  }

  // Audit and backups.
  const audit = new AuditTrail("audit", { ...tagging(ctx), key, dataEventBuckets: [attachments] });
  const backups = new BackupPlan("backups", {
    ...tagging(ctx),
    key,
    retentionDays: config.backupRetentionDays,
    vaultLock: { mode: config.vaultLockMode },
    ...(broken.backup ? { skipCrossRegionCopy: true } : {}),
  });

  return {
    fhirUrl: `https://${config.fhirHost}/fhir/`,
    clusterName: cluster.clusterName,
    kubeconfig: cluster.kubeconfig,
    imageRepository: pulumi.interpolate`${registry}/${repositoryName}`,
    databaseEndpoint: database.endpoint,
    databaseSecretArn: database.masterUserSecretArn,
    attachmentsBucket: attachments.bucketName,
    wafArn: waf.arn,
    trailArn: audit.trailArn,
    backupVault: backups.vault.name,
    keyAlias: key.aliasName,
    regions: config.regions,
  };
}

/** An AWS managed rule group (its own actions), optionally counting instead of blocking some of its rules. */
function managedRuleGroup(name: string, priority: number, countOnly: readonly string[] = []): aws.types.input.wafv2.WebAclRule {
  return {
    name,
    priority,
    overrideAction: { none: {} },
    statement: {
      managedRuleGroupStatement: {
        vendorName: "AWS",
        name,
        ...(countOnly.length > 0 ? { ruleActionOverrides: countOnly.map((rule) => ({ name: rule, actionToUse: { count: {} } })) } : {}),
      },
    },
    visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: name, sampledRequestsEnabled: false },
  };
}
