import { beforeAll, describe, expect, it } from "vitest";
import { planTestProgram } from "../../test/support/plan";
import { constructionErrors, PlanView, statement } from "../storage/fixtures/plan-helpers";
import { ACCOUNT, CONFIG, OWNER, PREAMBLE, PRIMARY_KEY_URN, REPLICA_KEY_URN, SAMPLE_TEMPLATE } from "./fixtures/programs";

const REGIONS = ["us-east-1", "us-west-2"] as const;
const UNKNOWN = { "@phiguard": "unknown" };

async function plan(body: string): Promise<PlanView> {
  return new PlanView(await planTestProgram(PREAMBLE + body, { config: CONFIG }));
}

describe("AccountBaseline (planned, two regions)", () => {
  let view: PlanView;
  const urn = (name: string) => view.urn(name);

  beforeAll(async () => {
    view = await plan(`new AccountBaseline("baseline", { key, conformancePack: { templateBody: TEMPLATE } });`);
  });

  it("is one component with the documented children, regional ones in each region and global ones once", () => {
    expect(view.get("baseline").type).toBe("phiguard:account:AccountBaseline");
    const own = view.childNames("baseline").filter((n) => !n.startsWith("baseline-config-") || /^baseline-config-(role|recorder|delivery)/.test(n));
    const regional = (r: string) => [
      `baseline-access-analyzer-${r}`,
      `baseline-config-delivery-${r}`,
      `baseline-config-recorder-${r}`,
      `baseline-config-recorder-status-${r}`,
      `baseline-conformance-pack-${r}`,
      `baseline-ebs-default-key-${r}`,
      `baseline-ebs-encryption-${r}`,
      `baseline-guardduty-${r}`,
      ...["ebs-malware-protection", "eks-audit-logs", "rds-login-events", "runtime-monitoring", "s3-data-events"].map((f) => `baseline-guardduty-${f}-${r}`),
      `baseline-securityhub-${r}`,
      `baseline-securityhub-cis-${r}`,
      `baseline-securityhub-fsbp-${r}`,
    ];
    expect(own).toEqual(
      [
        ...REGIONS.flatMap(regional),
        "baseline-config",
        "baseline-config-role",
        "baseline-config-role-managed-policy",
        "baseline-config-role-policy",
        "baseline-password-policy",
        "baseline-s3-public-access-block",
      ].sort(),
    );
    for (const r of REGIONS) for (const name of regional(r)) expect(view.get(name).region, name).toBe(r);
    expect(view.get("baseline-config").type).toBe("phiguard:storage:PhiBucket");
  });

  it("enables GuardDuty with S3, EKS audit and runtime, RDS login and malware protection in each region", () => {
    for (const r of REGIONS) {
      expect(view.props(`baseline-guardduty-${r}`)).toMatchObject({ region: r, enable: true, findingPublishingFrequency: "FIFTEEN_MINUTES" });
      expect(view.props(`baseline-guardduty-${r}`).datasources).toBeUndefined();
      const features = {
        "s3-data-events": "S3_DATA_EVENTS",
        "eks-audit-logs": "EKS_AUDIT_LOGS",
        "runtime-monitoring": "RUNTIME_MONITORING",
        "rds-login-events": "RDS_LOGIN_EVENTS",
        "ebs-malware-protection": "EBS_MALWARE_PROTECTION",
      };
      for (const [child, feature] of Object.entries(features)) {
        const name = `baseline-guardduty-${child}-${r}`;
        expect(view.props(name)).toMatchObject({ region: r, name: feature, status: "ENABLED", detectorId: UNKNOWN });
        expect(view.deps(name, "detectorId")).toEqual([urn(`baseline-guardduty-${r}`)]);
      }
      expect(view.props(`baseline-guardduty-runtime-monitoring-${r}`).additionalConfigurations).toEqual([{ name: "EKS_ADDON_MANAGEMENT", status: "ENABLED" }]);
    }
  });

  it("enables Security Hub with the AWS Foundational and CIS 3.0.0 standards, ARNs per region", () => {
    for (const r of REGIONS) {
      expect(view.props(`baseline-securityhub-${r}`)).toEqual({
        region: r,
        enableDefaultStandards: false,
        autoEnableControls: true,
        controlFindingGenerator: "SECURITY_CONTROL",
      });
      expect(view.props(`baseline-securityhub-fsbp-${r}`)).toEqual({
        region: r,
        standardsArn: `arn:aws:securityhub:${r}::standards/aws-foundational-security-best-practices/v/1.0.0`,
      });
      expect(view.props(`baseline-securityhub-cis-${r}`)).toEqual({
        region: r,
        standardsArn: `arn:aws:securityhub:${r}::standards/cis-aws-foundations-benchmark/v/3.0.0`,
      });
      for (const s of ["fsbp", "cis"]) expect(view.get(`baseline-securityhub-${s}-${r}`).dependencies).toContain(urn(`baseline-securityhub-${r}`));
    }
  });

  it("records every supported resource type with AWS Config in each region, global types in the home region only", () => {
    for (const r of REGIONS) {
      const recorder = `baseline-config-recorder-${r}`;
      expect(view.props(recorder)).toEqual({
        region: r,
        name: "default",
        roleArn: UNKNOWN,
        recordingGroup: {
          allSupported: true,
          includeGlobalResourceTypes: r === "us-east-1",
          recordingStrategies: [{ useOnly: "ALL_SUPPORTED_RESOURCE_TYPES" }],
        },
        recordingMode: { recordingFrequency: "CONTINUOUS" },
      });
      expect(view.deps(recorder, "roleArn")).toEqual([urn("baseline-config-role")]);

      const channel = `baseline-config-delivery-${r}`;
      expect(view.props(channel)).toMatchObject({
        region: r,
        name: "default",
        s3BucketName: `test-test-baseline-config-${ACCOUNT}-us-east-1`,
        s3KmsKeyArn: UNKNOWN,
        snapshotDeliveryProperties: { deliveryFrequency: "TwentyFour_Hours" },
      });
      expect(view.deps(channel, "s3BucketName")).toEqual([urn("baseline-config-bucket")]);
      // The bucket's key (home region) in every region: a delivery channel's key must be in the bucket's region.
      expect(view.deps(channel, "s3KmsKeyArn")).toEqual([PRIMARY_KEY_URN]);
      expect(view.get(channel).dependencies).toEqual(expect.arrayContaining([urn(recorder), urn("baseline-config-policy")]));

      const status = `baseline-config-recorder-status-${r}`;
      expect(view.props(status)).toEqual({ region: r, name: "default", isEnabled: true });
      expect(view.deps(status, "name")).toEqual([urn(recorder)]);
      expect(view.get(status).dependencies).toContain(urn(channel));
    }
  });

  it("delivers configuration history to a confidential PhiBucket without Object Lock (AWS Config refuses it), replicated", () => {
    const bucket = view.props("baseline-config-bucket");
    expect(view.get("baseline-config-bucket").region).toBe("us-east-1");
    expect(bucket.objectLockEnabled).toBe(false);
    expect(bucket.tags["data-classification"]).toBe("confidential");
    expect(view.has("baseline-config-object-lock")).toBe(false);
    expect(view.get("baseline-config-replica-bucket").region).toBe("us-west-2");
    expect(view.deps("baseline-config-sse", "rules")).toEqual([PRIMARY_KEY_URN]);
    const arn = `arn:aws:s3:::test-test-baseline-config-${ACCOUNT}-us-east-1`;
    const policy = view.policy("baseline-config-policy");
    const source = { StringEquals: { "aws:SourceAccount": ACCOUNT } };
    expect(statement(policy, "AWSConfigBucketPermissionsCheck")).toEqual({
      Sid: "AWSConfigBucketPermissionsCheck", Effect: "Allow", Principal: { Service: "config.amazonaws.com" }, Action: "s3:GetBucketAcl", Resource: arn, Condition: source,
    });
    expect(statement(policy, "AWSConfigBucketExistenceCheck")).toEqual({
      Sid: "AWSConfigBucketExistenceCheck", Effect: "Allow", Principal: { Service: "config.amazonaws.com" }, Action: "s3:ListBucket", Resource: arn, Condition: source,
    });
    expect(statement(policy, "AWSConfigBucketDelivery")).toEqual({
      Sid: "AWSConfigBucketDelivery",
      Effect: "Allow",
      Principal: { Service: "config.amazonaws.com" },
      Action: "s3:PutObject",
      Resource: `${arn}/AWSLogs/${ACCOUNT}/Config/*`,
      Condition: { StringEquals: { "s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceAccount": ACCOUNT } },
    });
    expect(statement(policy, "DenyInsecureTransport").Effect).toBe("Deny");
  });

  it("records through an IAM role with AWS_ConfigRole, assumable by AWS Config of this account only", () => {
    const trust = view.policy("baseline-config-role", "assumeRolePolicy");
    expect(trust.Statement).toEqual([
      {
        Sid: "AssumedByService",
        Effect: "Allow",
        Principal: { Service: "config.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
      },
    ]);
    expect(view.props("baseline-config-role-managed-policy").policyArn).toBe("arn:aws:iam::aws:policy/service-role/AWS_ConfigRole");
    expect(view.deps("baseline-config-role-managed-policy", "role")).toEqual([urn("baseline-config-role")]);
    const arn = `arn:aws:s3:::test-test-baseline-config-${ACCOUNT}-us-east-1`;
    expect(view.policy("baseline-config-role-policy").Statement).toEqual([
      {
        Sid: "DeliverConfigurationHistory",
        Effect: "Allow",
        Action: "s3:PutObject",
        Resource: `${arn}/AWSLogs/${ACCOUNT}/Config/*`,
        Condition: { StringLike: { "s3:x-amz-acl": "bucket-owner-full-control" } },
      },
      { Sid: "CheckDeliveryBucket", Effect: "Allow", Action: "s3:GetBucketAcl", Resource: arn },
    ]);
  });

  it("deploys the HIPAA conformance pack in each region after the recorder is on", () => {
    for (const r of REGIONS) {
      const pack = `baseline-conformance-pack-${r}`;
      expect(view.props(pack)).toEqual({ region: r, name: "phiguard-hipaa-security", templateBody: SAMPLE_TEMPLATE });
      expect(view.get(pack).dependencies).toContain(urn(`baseline-config-recorder-status-${r}`));
    }
  });

  it("runs an IAM Access Analyzer and EBS encryption by default with the region's CMK in each region", () => {
    for (const r of REGIONS) {
      expect(view.props(`baseline-access-analyzer-${r}`)).toMatchObject({ region: r, analyzerName: "test-test-baseline", type: "ACCOUNT" });
      expect(view.props(`baseline-ebs-encryption-${r}`)).toEqual({ region: r, enabled: true });
      expect(view.props(`baseline-ebs-default-key-${r}`)).toEqual({ region: r, keyArn: UNKNOWN });
      expect(view.deps(`baseline-ebs-default-key-${r}`, "keyArn")).toEqual([r === "us-east-1" ? PRIMARY_KEY_URN : REPLICA_KEY_URN]);
      expect(view.get(`baseline-ebs-default-key-${r}`).dependencies).toContain(urn(`baseline-ebs-encryption-${r}`));
    }
  });

  it("blocks public S3 access account-wide and sets the IAM password policy, once", () => {
    expect(view.props("baseline-s3-public-access-block")).toEqual({
      accountId: ACCOUNT,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    expect(view.props("baseline-password-policy")).toEqual({
      minimumPasswordLength: 14,
      passwordReusePrevention: 24,
      maxPasswordAge: 90,
      requireLowercaseCharacters: true,
      requireUppercaseCharacters: true,
      requireNumbers: true,
      requireSymbols: true,
      allowUsersToChangePassword: true,
      hardExpiry: false,
    });
    expect(view.ofType("aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock")).toHaveLength(1);
    expect(view.ofType("aws:iam/accountPasswordPolicy:AccountPasswordPolicy")).toHaveLength(1);
  });

  it("tags every taggable child with the convention", () => {
    const taggable = ["aws:guardduty/detector:Detector", "aws:accessanalyzer/analyzer:Analyzer", "aws:iam/role:Role"];
    const children = view.descendants("baseline").filter((r) => taggable.includes(r.type) && !r.name.startsWith("baseline-config-replication"));
    expect(children.length).toBe(5);
    for (const child of children) {
      expect((child.props as Record<string, any>).tags, child.name).toEqual({
        "data-classification": "phi",
        owner: OWNER,
        environment: "test",
        "managed-by": "phiguard",
        "phiguard:component": "phiguard:account:AccountBaseline",
      });
    }
  });
});

describe("AccountBaseline options", () => {
  it("takes the template from S3 per region, another CIS version, an existing Config role, a stricter password policy and more runtime agents", async () => {
    const view = await plan(`
new AccountBaseline("acct", {
  key,
  regions: ["us-west-2", "us-east-1"],
  conformancePack: { templateS3Uris: { "us-west-2": "s3://templates-usw2/hipaa.yaml", "us-east-1": "s3://templates-use1/hipaa.yaml" } },
  conformancePackName: "hipaa",
  conformancePackInputParameters: { AccessKeysRotatedParamMaxAccessKeyAge: "45" },
  cisVersion: "1.2.0",
  configRoleArn: "arn:aws:iam::123456789012:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig",
  passwordPolicy: { minimumLength: 20, maxAgeDays: 60, hardExpiry: true },
  runtimeMonitoringAgents: ["EKS_ADDON_MANAGEMENT", "EC2_AGENT_MANAGEMENT"],
  findingPublishingFrequency: "ONE_HOUR",
  snapshotDeliveryFrequency: "Six_Hours",
});
`);
    expect(view.props("acct-conformance-pack-us-west-2")).toEqual({
      region: "us-west-2",
      name: "hipaa",
      templateS3Uri: "s3://templates-usw2/hipaa.yaml",
      inputParameters: [{ parameterName: "AccessKeysRotatedParamMaxAccessKeyAge", parameterValue: "45" }],
    });
    expect(view.props("acct-conformance-pack-us-east-1").templateS3Uri).toBe("s3://templates-use1/hipaa.yaml");
    // us-west-2 is the home region now: global types are recorded there, the bucket lives there.
    expect(view.props("acct-config-recorder-us-west-2").recordingGroup.includeGlobalResourceTypes).toBe(true);
    expect(view.props("acct-config-recorder-us-east-1").recordingGroup.includeGlobalResourceTypes).toBe(false);
    expect(view.get("acct-config-bucket").region).toBe("us-west-2");
    expect(view.deps("acct-config-delivery-us-east-1", "s3KmsKeyArn")).toEqual([REPLICA_KEY_URN]);
    expect(view.props("acct-securityhub-cis-us-east-1").standardsArn).toBe("arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0");
    expect(view.has("acct-config-role")).toBe(false);
    expect(view.props("acct-config-recorder-us-east-1").roleArn).toBe("arn:aws:iam::123456789012:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig");
    expect(view.props("acct-password-policy")).toMatchObject({ minimumPasswordLength: 20, maxPasswordAge: 60, hardExpiry: true, passwordReusePrevention: 24 });
    expect(view.props("acct-guardduty-runtime-monitoring-us-west-2").additionalConfigurations).toEqual([
      { name: "EKS_ADDON_MANAGEMENT", status: "ENABLED" },
      { name: "EC2_AGENT_MANAGEMENT", status: "ENABLED" },
    ]);
    expect(view.props("acct-guardduty-us-east-1").findingPublishingFrequency).toBe("ONE_HOUR");
    expect(view.props("acct-config-delivery-us-west-2").snapshotDeliveryProperties).toEqual({ deliveryFrequency: "Six_Hours" });
  });

  it("covers only the regions given, and skips the bucket's replica when the key has no other region", async () => {
    const view = new PlanView(
      await planTestProgram(
        PREAMBLE.replace('regions: ["us-east-1", "us-west-2"]', 'regions: ["eu-central-1"]') +
          `new AccountBaseline("acct", { key, conformancePack: { templateBody: TEMPLATE } });`,
        { config: CONFIG },
      ),
    );
    expect(view.ofType("aws:guardduty/detector:Detector").map((r) => r.region)).toEqual(["eu-central-1"]);
    expect(view.props("acct-securityhub-fsbp-eu-central-1").standardsArn).toBe(
      "arn:aws:securityhub:eu-central-1::standards/aws-foundational-security-best-practices/v/1.0.0",
    );
    expect(view.has("acct-config-replica-bucket")).toBe(false);
  });

  it("fails at construction on invalid args, saying what was given and what is expected", async () => {
    const big = "Resources:\\n" + "#".repeat(52_000);
    const errors = await constructionErrors(
      [
        `new AccountBaseline("a", { key } as any)`,
        `new AccountBaseline("b", { key, conformancePack: { templateBody: "just text" } })`,
        `new AccountBaseline("c", { key, conformancePack: { templateBody: "${big}" } })`,
        `new AccountBaseline("d", { key, conformancePack: { templateS3Uris: { "us-east-1": "s3://t/h.yaml" } } })`,
        `new AccountBaseline("e", { key, conformancePack: { templateS3Uris: { "us-east-1": "https://t/h.yaml", "us-west-2": "s3://t2/h.yaml" } } })`,
        `new AccountBaseline("f", { key, regions: ["us-east-1", "eu-west-1"], conformancePack: { templateBody: TEMPLATE } })`,
        `new AccountBaseline("g", { key, cisVersion: "1.3.0" as any, conformancePack: { templateBody: TEMPLATE } })`,
        `new AccountBaseline("h", { key, passwordPolicy: { minimumLength: 8 }, conformancePack: { templateBody: TEMPLATE } })`,
        `new AccountBaseline("i", { key, passwordPolicy: { maxAgeDays: 365 }, conformancePack: { templateBody: TEMPLATE } })`,
        `new AccountBaseline("j", { key, conformancePackName: "1hipaa", conformancePack: { templateBody: TEMPLATE } })`,
        `new AccountBaseline("k", { key, runtimeMonitoringAgents: ["LAMBDA"] as any, conformancePack: { templateBody: TEMPLATE } })`,
      ],
      PREAMBLE,
    );
    expect(errors).toEqual([
      expect.stringMatching(/^AccountBaseline "a": no conformancePack given; expected `conformancePack: \{ templateBody \}`.*Operational-Best-Practices-for-HIPAA-Security\.yaml/),
      expect.stringMatching(/^AccountBaseline "b": conformancePack\.templateBody is not a conformance pack template \(no top-level "Resources:"\)/),
      expect.stringMatching(/^AccountBaseline "c": conformancePack\.templateBody is 52011 bytes, more than the 51200 AWS Config accepts; expected .* `templateS3Uris`/),
      expect.stringMatching(/^AccountBaseline "d": conformancePack\.templateS3Uris names \[us-east-1\]; expected exactly the baseline's regions \[us-east-1, us-west-2\]/),
      expect.stringMatching(/^AccountBaseline "e": conformancePack\.templateS3Uris\["us-east-1"\] "https:\/\/t\/h\.yaml" is not an S3 URI/),
      expect.stringMatching(/^AccountBaseline "f": regions names "eu-west-1", where the EnvelopeKey has no key/),
      expect.stringMatching(/^AccountBaseline "g": cisVersion "1\.3\.0" is not allowed; expected one of 1\.2\.0, 1\.4\.0, 3\.0\.0/),
      expect.stringMatching(/^AccountBaseline "h": passwordPolicy\.minimumLength 8 is out of range; expected a whole number of characters from 14 to 128/),
      expect.stringMatching(/^AccountBaseline "i": passwordPolicy\.maxAgeDays 365 is out of range; expected a whole number of days from 1 to 90/),
      expect.stringMatching(/^AccountBaseline "j": conformancePackName "1hipaa" is invalid/),
      expect.stringMatching(/^AccountBaseline "k": runtimeMonitoringAgents "LAMBDA" is not allowed; expected one of EKS_ADDON_MANAGEMENT/),
    ]);
  });

  it("fails the program when the key does not let EC2 use it (it becomes the default EBS key)", async () => {
    const source = PREAMBLE.replace('viaServices: ["s3", "ec2"]', 'viaServices: ["s3"]') + `new AccountBaseline("acct", { key, conformancePack: { templateBody: TEMPLATE } });`;
    await expect(planTestProgram(source, { config: CONFIG })).rejects.toThrow(
      /AccountBaseline "acct": the EnvelopeKey's policy in us-east-1 does not let EC2 use the key .*expected an EnvelopeKey with "ec2" in its viaServices/,
    );
  });
});
