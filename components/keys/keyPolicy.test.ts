import { describe, expect, test } from "vitest";
import { ADMIN_DENIED_ACTIONS, ADMIN_WRITE_ACTIONS, buildKeyPolicy, CRYPTO_ACTIONS, type KeyPolicyInput, type PolicyStatement } from "./keyPolicy";

const ACCOUNT = "123456789012";
const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const ADMIN = `arn:aws:iam::${ACCOUNT}:role/KeyAdmin`;
const APP = `arn:aws:iam::${ACCOUNT}:role/App`;

const base: KeyPolicyInput = {
  region: "us-west-2",
  partition: "aws",
  dnsSuffix: "amazonaws.com",
  accountId: ACCOUNT,
  owners: [ROOT],
  administrators: [ADMIN],
  users: [APP],
  viaServices: [],
  servicePrincipals: [],
  allowCloudWatchLogs: false,
};

function statement(policy: { Statement: readonly PolicyStatement[] }, sid: string): PolicyStatement {
  const found = policy.Statement.find((s) => s.Sid === sid);
  if (!found) throw new Error(`no statement ${sid}; have ${policy.Statement.map((s) => s.Sid).join(", ")}`);
  return found;
}

const asList = (value: string | readonly string[] | undefined) => (value === undefined ? [] : typeof value === "string" ? [value] : [...value]);

describe("buildKeyPolicy", () => {
  test("owners get kms:*, nothing else is a wildcard grant", () => {
    const policy = buildKeyPolicy(base);
    expect(policy.Version).toBe("2012-10-17");
    expect(statement(policy, "KeyOwnersFullAccess")).toEqual({
      Sid: "KeyOwnersFullAccess",
      Effect: "Allow",
      Principal: { AWS: ROOT },
      Action: "kms:*",
      Resource: "*",
    });
    const others = policy.Statement.filter((s) => s.Sid !== "KeyOwnersFullAccess");
    for (const s of others) expect(asList(s.Action as string | string[])).not.toContain("kms:*");
  });

  test("administrators manage but are denied crypto, grants, policy changes and replication", () => {
    const policy = buildKeyPolicy(base);
    const manage = statement(policy, "KeyAdministratorsManage");
    expect(manage.Principal).toEqual({ AWS: ADMIN });
    const allowed = asList(manage.Action as string[]);
    for (const action of [...CRYPTO_ACTIONS, "kms:CreateGrant", "kms:PutKeyPolicy", "kms:ReplicateKey"]) expect(allowed).not.toContain(action);
    expect(allowed).toContain("kms:ScheduleKeyDeletion");
    expect(allowed).toContain("kms:EnableKeyRotation");
    const deny = statement(policy, "KeyAdministratorsNoCrypto");
    expect(deny.Effect).toBe("Deny");
    expect(deny.Principal).toEqual({ AWS: ADMIN });
    expect(deny.Action).toEqual(ADMIN_DENIED_ACTIONS);
  });

  test("users use the key but are denied administration", () => {
    const policy = buildKeyPolicy(base);
    const crypto = statement(policy, "KeyUsersCrypto");
    expect(crypto.Principal).toEqual({ AWS: APP });
    expect(crypto.Action).toEqual(CRYPTO_ACTIONS);
    expect(crypto.Condition).toBeUndefined();
    expect(statement(policy, "KeyUsersGrantsForAwsResources").Condition).toEqual({ Bool: { "kms:GrantIsForAWSResource": "true" } });
    const deny = statement(policy, "KeyUsersNoAdministration");
    expect(deny.Effect).toBe("Deny");
    expect(deny.Action).toEqual(ADMIN_WRITE_ACTIONS);
    for (const s of policy.Statement.filter((s) => s.Effect === "Allow" && asList(s.Principal.AWS).includes(APP))) {
      for (const action of asList(s.Action as string[])) expect(ADMIN_WRITE_ACTIONS).not.toContain(action);
    }
  });

  test("an encryption context restricts the users' crypto statement", () => {
    const policy = buildKeyPolicy({ ...base, encryptionContext: { tenant: "clinic-7", app: "ehr" } });
    expect(statement(policy, "KeyUsersCrypto").Condition).toEqual({
      StringEquals: { "kms:EncryptionContext:app": "ehr", "kms:EncryptionContext:tenant": "clinic-7" },
    });
    expect(statement(policy, "KeyUsersDescribe").Condition).toBeUndefined();
  });

  test("services are restricted with kms:ViaService in the key's region and kms:CallerAccount", () => {
    const policy = buildKeyPolicy({ ...base, viaServices: ["s3", "rds"] });
    const via = statement(policy, "UseThroughAwsServicesOfThisAccount");
    expect(via.Principal).toEqual({ AWS: "*" });
    expect(via.Condition).toEqual({
      StringEquals: {
        "kms:CallerAccount": ACCOUNT,
        "kms:ViaService": ["s3.us-west-2.amazonaws.com", "rds.us-west-2.amazonaws.com"],
      },
    });
  });

  test("CloudWatch Logs is the regional principal, limited to this account's log groups", () => {
    const policy = buildKeyPolicy({ ...base, allowCloudWatchLogs: true, region: "cn-north-1", partition: "aws-cn", dnsSuffix: "amazonaws.com.cn" });
    const logs = statement(policy, "CloudWatchLogsOfThisAccount");
    expect(logs.Principal).toEqual({ Service: "logs.cn-north-1.amazonaws.com.cn" });
    expect(logs.Condition).toEqual({
      ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws-cn:logs:cn-north-1:${ACCOUNT}:log-group:*` },
    });
  });

  test("service principals get their conditions with {account}/{region}/{partition} filled in", () => {
    const policy = buildKeyPolicy({
      ...base,
      servicePrincipals: [
        {
          service: "cloudtrail",
          conditions: {
            StringEquals: { "aws:SourceAccount": "{account}" },
            StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": "arn:{partition}:cloudtrail:*:{account}:trail/*" },
          },
        },
      ],
    });
    expect(statement(policy, "ServiceCloudtrail")).toMatchObject({
      Principal: { Service: "cloudtrail.amazonaws.com" },
      Condition: {
        StringEquals: { "aws:SourceAccount": ACCOUNT },
        StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": `arn:aws:cloudtrail:*:${ACCOUNT}:trail/*` },
      },
    });
  });

  test("refuses an unmanageable key and unconditioned service principals", () => {
    expect(() => buildKeyPolicy({ ...base, owners: [] })).toThrow(/at least one owner/);
    expect(() => buildKeyPolicy({ ...base, servicePrincipals: [{ service: "sns", conditions: {} }] })).toThrow(/has no conditions/);
  });

  test("omits role statements for empty role lists", () => {
    const policy = buildKeyPolicy({ ...base, administrators: [], users: [] });
    expect(policy.Statement.map((s) => s.Sid)).toEqual(["KeyOwnersFullAccess"]);
  });
});
