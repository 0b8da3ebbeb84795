import { beforeAll, describe, expect, test } from "vitest";
import { isUnknown, type Plan, type PlannedResource } from "../../cli/plan";
import { planTestProgram } from "../../test/support/plan";
import type { PolicyDocument, PolicyStatement } from "./keyPolicy";

const ACCOUNT = "123456789012"; // the planner's offline account
const ADMIN = `arn:aws:iam::${ACCOUNT}:role/KeyAdmin`;
const APP = `arn:aws:iam::${ACCOUNT}:role/App`;
const REGIONS = ["us-east-1", "us-west-2", "eu-west-1"];

const THREE_REGION_PROGRAM = `
import * as aws from "@pulumi/aws";
import { EnvelopeKey } from "../../components";

const key = new EnvelopeKey("phi", {
  regions: ["us-east-1", "us-west-2", "eu-west-1"],
  owner: "clinical-platform",
  environment: "prod",
  tags: { "cost-centre": "cc-42" },
  administrators: ["${ADMIN}"],
  users: ["${APP}"],
  viaServices: ["s3", "dynamodb"],
  encryptionContext: { app: "ehr" },
});

const worker = new aws.iam.Role("worker", {
  assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
});
key.grantEncryptDecrypt(worker, { encryptionContext: { app: "ehr" } });
key.grantDecrypt({ name: "reporting", arn: "arn:aws:iam::${ACCOUNT}:role/Reporting" }, { regions: ["eu-west-1"] });
new aws.iam.RolePolicy("worker-kms", { role: worker.id, policy: key.policyDocument("decrypt") });

export const arns = key.keyArns;
export const westArn = key.arnFor("us-west-2");
`;

function byName(plan: Plan, name: string): PlannedResource {
  const found = plan.resources.find((r) => r.name === name);
  if (!found) throw new Error(`no resource named ${name}; have ${plan.resources.map((r) => r.name).join(", ")}`);
  return found;
}

function policyOf(resource: PlannedResource): PolicyDocument {
  const policy = resource.props["policy"];
  if (typeof policy !== "string") throw new Error(`${resource.name}: policy is not known at preview: ${JSON.stringify(policy)}`);
  return JSON.parse(policy) as PolicyDocument;
}

const sid = (doc: PolicyDocument, id: string): PolicyStatement => {
  const found = doc.Statement.find((s) => s.Sid === id);
  if (!found) throw new Error(`no statement ${id}`);
  return found;
};
const list = (value: string | readonly string[] | undefined): string[] => (value === undefined ? [] : typeof value === "string" ? [value] : [...value]);

describe("EnvelopeKey through the planner: three regions", () => {
  let plan: Plan;
  beforeAll(async () => {
    plan = await planTestProgram(THREE_REGION_PROGRAM);
  });

  test("child resource names are stable", () => {
    const urns = plan.resources.filter((r) => r.type.startsWith("aws:kms") || r.type.startsWith("phiguard:")).map((r) => r.urn).sort();
    expect(urns).toMatchInlineSnapshot(`
      [
        "urn:pulumi:test::test::phiguard:keys:EnvelopeKey$aws:kms/alias:Alias::phi-alias-eu-west-1",
        "urn:pulumi:test::test::phiguard:keys:EnvelopeKey$aws:kms/alias:Alias::phi-alias-us-east-1",
        "urn:pulumi:test::test::phiguard:keys:EnvelopeKey$aws:kms/alias:Alias::phi-alias-us-west-2",
        "urn:pulumi:test::test::phiguard:keys:EnvelopeKey$aws:kms/grant:Grant::phi-grant-reporting-decrypt-eu-west-1",
        "urn:pulumi:test::test::phiguard:keys:EnvelopeKey$aws:kms/grant:Grant::phi-grant-worker-encrypt-decrypt-eu-west-1",
        "urn:pulumi:test::test::phiguard:keys:EnvelopeKey$aws:kms/grant:Grant::phi-grant-worker-encrypt-decrypt-us-east-1",
        "urn:pulumi:test::test::phiguard:keys:EnvelopeKey$aws:kms/grant:Grant::phi-grant-worker-encrypt-decrypt-us-west-2",
        "urn:pulumi:test::test::phiguard:keys:EnvelopeKey$aws:kms/key:Key::phi-key-us-east-1",
        "urn:pulumi:test::test::phiguard:keys:EnvelopeKey$aws:kms/replicaKey:ReplicaKey::phi-replica-eu-west-1",
        "urn:pulumi:test::test::phiguard:keys:EnvelopeKey$aws:kms/replicaKey:ReplicaKey::phi-replica-us-west-2",
        "urn:pulumi:test::test::phiguard:keys:EnvelopeKey::phi",
      ]
    `);
  });

  test("the primary is a rotating multi-region key with a 30-day deletion window", () => {
    const key = byName(plan, "phi-key-us-east-1");
    expect(key.type).toBe("aws:kms/key:Key");
    expect(key.region).toBe("us-east-1");
    expect(key.parent).toBe(byName(plan, "phi").urn);
    expect(key.props).toMatchObject({
      multiRegion: true,
      enableKeyRotation: true,
      rotationPeriodInDays: 365,
      deletionWindowInDays: 30,
      keyUsage: "ENCRYPT_DECRYPT",
      customerMasterKeySpec: "SYMMETRIC_DEFAULT",
      bypassPolicyLockoutSafetyCheck: false,
      region: "us-east-1",
    });
  });

  test("each other region has a replica of the primary, and every region an alias of its local key", () => {
    const primary = byName(plan, "phi-key-us-east-1");
    for (const region of ["us-west-2", "eu-west-1"]) {
      const replica = byName(plan, `phi-replica-${region}`);
      expect(replica.region).toBe(region);
      expect(replica.props).toMatchObject({ region, deletionWindowInDays: 30, enabled: true });
      expect(replica.propertyDependencies["primaryKeyArn"]).toEqual([primary.urn]);
    }
    for (const region of REGIONS) {
      const alias = byName(plan, `phi-alias-${region}`);
      expect(alias.props).toMatchObject({ name: "alias/test/test/phi", region });
      const local = region === "us-east-1" ? primary : byName(plan, `phi-replica-${region}`);
      expect(alias.propertyDependencies["targetKeyId"]).toEqual([local.urn]);
    }
  });

  test("every key's policy is known at preview and separates duties", () => {
    for (const region of REGIONS) {
      const key = byName(plan, region === "us-east-1" ? "phi-key-us-east-1" : `phi-replica-${region}`);
      const doc = policyOf(key);
      expect(sid(doc, "KeyOwnersFullAccess").Principal).toEqual({ AWS: `arn:aws:iam::${ACCOUNT}:root` });

      const adminAllowed = doc.Statement.filter((s) => s.Effect === "Allow" && list(s.Principal.AWS).includes(ADMIN)).flatMap((s) => list(s.Action as string[]));
      expect(adminAllowed).not.toContain("kms:Decrypt");
      expect(adminAllowed).not.toContain("kms:Encrypt");
      expect(adminAllowed).not.toContain("kms:CreateGrant");
      const adminDenied = doc.Statement.filter((s) => s.Effect === "Deny" && list(s.Principal.AWS).includes(ADMIN)).flatMap((s) => list(s.Action as string[]));
      expect(adminDenied).toEqual(expect.arrayContaining(["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*", "kms:CreateGrant"]));

      const userAllowed = doc.Statement.filter((s) => s.Effect === "Allow" && list(s.Principal.AWS).includes(APP)).flatMap((s) => list(s.Action as string[]));
      expect(userAllowed).toEqual(expect.arrayContaining(["kms:Decrypt", "kms:Encrypt"]));
      for (const forbidden of ["kms:ScheduleKeyDeletion", "kms:PutKeyPolicy", "kms:DisableKey"]) expect(userAllowed).not.toContain(forbidden);
      const userDenied = doc.Statement.filter((s) => s.Effect === "Deny" && list(s.Principal.AWS).includes(APP)).flatMap((s) => list(s.Action as string[]));
      expect(userDenied).toEqual(expect.arrayContaining(["kms:ScheduleKeyDeletion", "kms:PutKeyPolicy", "kms:DisableKey"]));
      expect(sid(doc, "KeyUsersCrypto").Condition).toEqual({ StringEquals: { "kms:EncryptionContext:app": "ehr" } });

      expect(sid(doc, "UseThroughAwsServicesOfThisAccount").Condition).toEqual({
        StringEquals: {
          "kms:CallerAccount": ACCOUNT,
          "kms:ViaService": [`s3.${region}.amazonaws.com`, `dynamodb.${region}.amazonaws.com`],
        },
      });
    }
  });

  test("grants land in each region on the local key", () => {
    for (const region of REGIONS) {
      const grant = byName(plan, `phi-grant-worker-encrypt-decrypt-${region}`);
      expect(grant.region).toBe(region);
      expect(grant.props).toMatchObject({
        region,
        retireOnDelete: true,
        operations: ["Encrypt", "Decrypt", "ReEncryptFrom", "ReEncryptTo", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext", "DescribeKey"],
        constraints: [{ encryptionContextSubset: { app: "ehr" } }],
      });
      const local = byName(plan, region === "us-east-1" ? "phi-key-us-east-1" : `phi-replica-${region}`);
      expect(grant.propertyDependencies["keyId"]).toEqual([local.urn]);
      expect(grant.propertyDependencies["granteePrincipal"]).toEqual([byName(plan, "worker").urn]);
    }
    const reporting = byName(plan, "phi-grant-reporting-decrypt-eu-west-1");
    expect(reporting.props).toMatchObject({ operations: ["Decrypt", "DescribeKey"], granteePrincipal: `arn:aws:iam::${ACCOUNT}:role/Reporting` });
  });

  test("policyDocument produces an IAM policy over every regional key", () => {
    const rolePolicy = byName(plan, "worker-kms");
    expect(isUnknown(rolePolicy.props["policy"])).toBe(true); // key ARNs are only known after deploy
    expect(rolePolicy.propertyDependencies["policy"]).toEqual(
      expect.arrayContaining([byName(plan, "phi-key-us-east-1").urn, byName(plan, "phi-replica-us-west-2").urn, byName(plan, "phi-replica-eu-west-1").urn]),
    );
  });

  test("keys carry the tagging convention and the user's tags", () => {
    for (const name of ["phi-key-us-east-1", "phi-replica-us-west-2", "phi-replica-eu-west-1"]) {
      expect(byName(plan, name).props["tags"]).toEqual({
        "cost-centre": "cc-42",
        "data-classification": "phi",
        owner: "clinical-platform",
        environment: "prod",
        "managed-by": "phiguard",
        "phiguard:component": "phiguard:keys:EnvelopeKey",
      });
    }
  });
});

describe("EnvelopeKey through the planner: defaults and options", () => {
  test("with no regions it is a single-region key in the stack's region, owned by the account root", async () => {
    const plan = await planTestProgram(
      `import { EnvelopeKey } from "../../components";\nnew EnvelopeKey("solo", { rotationPeriodInDays: 180 });\n`,
      { config: { "aws:region": "eu-central-1", "phiguard:owner": "data-team" } },
    );
    const keys = plan.resources.filter((r) => r.type.startsWith("aws:kms"));
    expect(keys.map((r) => `${r.type} ${r.name} ${r.region}`)).toEqual([
      "aws:kms/key:Key solo-key-eu-central-1 eu-central-1",
      "aws:kms/alias:Alias solo-alias-eu-central-1 eu-central-1",
    ]);
    const key = byName(plan, "solo-key-eu-central-1");
    expect(key.props).toMatchObject({ multiRegion: false, enableKeyRotation: true, rotationPeriodInDays: 180, deletionWindowInDays: 30 });
    expect(key.props["tags"]).toMatchObject({ owner: "data-team", environment: "test", "data-classification": "phi" });
    expect(policyOf(key).Statement.map((s) => s.Sid)).toEqual(["KeyOwnersFullAccess"]);
  });

  test("an explicit provider map is used per region, next to the region argument", async () => {
    const plan = await planTestProgram(`
import * as aws from "@pulumi/aws";
import { EnvelopeKey } from "../../components";
const west = new aws.Provider("west", { region: "us-west-2" });
new EnvelopeKey("k", { regions: ["us-east-1", "us-west-2"], owner: "o", providers: { "us-west-2": west } });
`);
    const replica = byName(plan, "k-replica-us-west-2");
    expect(replica.provider).toContain("pulumi:providers:aws::west");
    expect(replica.props["region"]).toBe("us-west-2");
    expect(byName(plan, "k-key-us-east-1").provider).toBeUndefined();
  });
});

describe("EnvelopeKey: invalid arguments fail at construction", () => {
  const cases: [string, string, RegExp][] = [
    ["an unknown region", `regions: ["us-east-1", "us-middle-1"]`, /EnvelopeKey "bad": regions: unknown AWS region "us-middle-1"; expected a real AWS region name/],
    ["an administrator who is also a user", `administrators: ["${ADMIN}"], users: ["${ADMIN}"]`, /"arn:aws:iam::123456789012:role\/KeyAdmin" is in both administrators and users; expected separate principals/],
    ["a deletion window over 30 days", `deletionWindowInDays: 45`, /deletionWindowInDays 45 is out of range; expected a whole number of days from 7 to 30/],
    ["no owners", `owners: []`, /owners is empty; expected at least one principal with full control/],
    ["a principal that is not an ARN", `users: ["App"]`, /users entry "App" is not an IAM principal ARN/],
    ["replicas without multiRegion", `regions: ["us-east-1", "us-west-2"], multiRegion: false`, /multiRegion is false but 2 regions/],
    ["a region outside the key", `regions: ["us-east-1"] }).arnFor("eu-west-1"); ({`, /no key in region "eu-west-1"; the key exists in \[us-east-1\]/],
  ];
  test.each(cases)("%s", async (_label, args, message) => {
    await expect(planTestProgram(`import { EnvelopeKey } from "../../components";\nnew EnvelopeKey("bad", { owner: "o", ${args} });\n`)).rejects.toThrow(message);
  });

  test("a missing owner names both ways to set it", async () => {
    await expect(planTestProgram(`import { EnvelopeKey } from "../../components";\nnew EnvelopeKey("bad");\n`)).rejects.toThrow(
      /no owner given; expected the accountable team in the `owner` argument or in the stack config `phiguard:owner`/,
    );
  });
});
