/**
 * KMS key policies built from role lists (the terraform-aws-modules/kms model), as pure functions.
 *
 * Separation of duties:
 * - owners (the account root unless told) have `kms:*`, so the key can never become unmanageable
 *   and IAM policies keep working;
 * - administrators manage the key's lifecycle but are explicitly DENIED every cryptographic
 *   operation and grant creation, whatever their IAM policies say. They cannot change the key
 *   policy nor replicate the key either (both would let them grant themselves use);
 * - users may use the key for cryptography (optionally only with a given encryption context) and
 *   create grants for AWS resources, but are explicitly DENIED every administrative change;
 * - AWS services reach the key either on behalf of a caller of this account (`kms:ViaService` +
 *   `kms:CallerAccount`) or as a service principal, always under a condition.
 */

/** An IAM-style policy statement. */
export interface PolicyStatement {
  readonly Sid: string;
  readonly Effect: "Allow" | "Deny";
  readonly Principal: { readonly AWS?: string | readonly string[]; readonly Service?: string | readonly string[] };
  readonly Action: string | readonly string[];
  readonly Resource: string;
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

export interface PolicyDocument {
  readonly Version: "2012-10-17";
  readonly Statement: readonly PolicyStatement[];
}

/** Conditions as in a policy statement: operator → key → value(s). */
export type Conditions = Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;

/** A direct AWS service principal allowed to use the key (e.g. CloudTrail, SNS). */
export interface ServicePrincipalAccess {
  /** The service's short name, e.g. `cloudtrail`, `sns`, `logs`. */
  readonly service: string;
  /**
   * Use the regional principal form (`logs.us-east-1.amazonaws.com`) instead of the global one.
   * @default false: the global form, e.g. `cloudtrail.amazonaws.com`
   */
  readonly regional?: boolean;
  /**
   * KMS actions the service may perform.
   * @default encrypt, decrypt, re-encrypt, generate data keys and describe the key
   */
  readonly actions?: readonly string[];
  /**
   * Conditions that restrict the service to this account's resources (confused-deputy
   * protection), e.g. `{ StringEquals: { "aws:SourceAccount": "{account}" } }`. Required:
   * an unconditioned service principal is refused. `{account}`, `{region}` and `{partition}` are
   * replaced in every key and value.
   */
  readonly conditions: Conditions;
}

export interface KeyPolicyInput {
  /** The region of the key (primary or replica) this policy is for. */
  readonly region: string;
  readonly partition: string;
  /** DNS suffix of the region's service endpoints (`amazonaws.com`, `amazonaws.com.cn`). */
  readonly dnsSuffix: string;
  readonly accountId: string;
  /** Principals with `kms:*`. Must not be empty. */
  readonly owners: readonly string[];
  readonly administrators: readonly string[];
  readonly users: readonly string[];
  /** Services (`s3`, `rds`, `secretsmanager`, ...) through which callers of this account may use the key. */
  readonly viaServices: readonly string[];
  readonly servicePrincipals: readonly ServicePrincipalAccess[];
  /** Let CloudWatch Logs in this region encrypt this account's log groups with the key. */
  readonly allowCloudWatchLogs: boolean;
  /**
   * Encryption context every user crypto call must carry.
   * @default none: users may use any encryption context
   */
  readonly encryptionContext?: Readonly<Record<string, string>>;
}

/** Actions of key administrators: lifecycle only, no cryptography, no policy change, no replication. */
export const ADMIN_ACTIONS: readonly string[] = Object.freeze([
  "kms:CancelKeyDeletion",
  "kms:CreateAlias",
  "kms:DeleteAlias",
  "kms:DescribeKey",
  "kms:DisableKey",
  "kms:DisableKeyRotation",
  "kms:EnableKey",
  "kms:EnableKeyRotation",
  "kms:GetKeyPolicy",
  "kms:GetKeyRotationStatus",
  "kms:ListGrants",
  "kms:ListKeyPolicies",
  "kms:ListKeyRotations",
  "kms:ListResourceTags",
  "kms:RevokeGrant",
  "kms:RotateKeyOnDemand",
  "kms:ScheduleKeyDeletion",
  "kms:TagResource",
  "kms:UntagResource",
  "kms:UpdateAlias",
  "kms:UpdateKeyDescription",
  "kms:UpdatePrimaryRegion",
]);

/** Administrative changes denied to key users. */
export const ADMIN_WRITE_ACTIONS: readonly string[] = Object.freeze([
  "kms:CancelKeyDeletion",
  "kms:CreateAlias",
  "kms:DeleteAlias",
  "kms:DisableKey",
  "kms:DisableKeyRotation",
  "kms:EnableKey",
  "kms:EnableKeyRotation",
  "kms:PutKeyPolicy",
  "kms:ReplicateKey",
  "kms:RotateKeyOnDemand",
  "kms:ScheduleKeyDeletion",
  "kms:TagResource",
  "kms:UntagResource",
  "kms:UpdateAlias",
  "kms:UpdateKeyDescription",
  "kms:UpdatePrimaryRegion",
]);

/** Cryptographic operations of envelope encryption. */
export const CRYPTO_ACTIONS: readonly string[] = Object.freeze([
  "kms:Decrypt",
  "kms:Encrypt",
  "kms:GenerateDataKey*",
  "kms:ReEncrypt*",
]);

/** Denied to administrators: cryptography, and the grants and policy changes that would give it to them. */
export const ADMIN_DENIED_ACTIONS: readonly string[] = Object.freeze([
  ...CRYPTO_ACTIONS,
  "kms:CreateGrant",
  "kms:PutKeyPolicy",
  "kms:ReplicateKey",
]);

const GRANT_ACTIONS = ["kms:CreateGrant", "kms:ListGrants", "kms:RevokeGrant"] as const;
const SERVICE_DEFAULT_ACTIONS = [...CRYPTO_ACTIONS, "kms:DescribeKey"] as const;

/** Builds the key policy of one key (primary or replica) in one region. */
export function buildKeyPolicy(input: KeyPolicyInput): PolicyDocument {
  if (input.owners.length === 0) {
    throw new Error("a key policy needs at least one owner, otherwise the key becomes unmanageable");
  }
  const vars = { account: input.accountId, region: input.region, partition: input.partition };
  const context = contextConditions(input.encryptionContext);
  const statements: PolicyStatement[] = [
    {
      Sid: "KeyOwnersFullAccess",
      Effect: "Allow",
      Principal: { AWS: one(unique(input.owners)) },
      Action: "kms:*",
      Resource: "*",
    },
  ];

  if (input.administrators.length > 0) {
    const admins = one(unique(input.administrators));
    statements.push(
      { Sid: "KeyAdministratorsManage", Effect: "Allow", Principal: { AWS: admins }, Action: ADMIN_ACTIONS, Resource: "*" },
      { Sid: "KeyAdministratorsNoCrypto", Effect: "Deny", Principal: { AWS: admins }, Action: ADMIN_DENIED_ACTIONS, Resource: "*" },
    );
  }

  if (input.users.length > 0) {
    const users = one(unique(input.users));
    statements.push(
      {
        Sid: "KeyUsersCrypto",
        Effect: "Allow",
        Principal: { AWS: users },
        Action: CRYPTO_ACTIONS,
        Resource: "*",
        ...(context ? { Condition: context } : {}),
      },
      { Sid: "KeyUsersDescribe", Effect: "Allow", Principal: { AWS: users }, Action: "kms:DescribeKey", Resource: "*" },
      {
        Sid: "KeyUsersGrantsForAwsResources",
        Effect: "Allow",
        Principal: { AWS: users },
        Action: [...GRANT_ACTIONS],
        Resource: "*",
        Condition: { Bool: { "kms:GrantIsForAWSResource": "true" } },
      },
      { Sid: "KeyUsersNoAdministration", Effect: "Deny", Principal: { AWS: users }, Action: ADMIN_WRITE_ACTIONS, Resource: "*" },
    );
  }

  if (input.viaServices.length > 0) {
    statements.push({
      Sid: "UseThroughAwsServicesOfThisAccount",
      Effect: "Allow",
      Principal: { AWS: "*" },
      Action: [...CRYPTO_ACTIONS, "kms:CreateGrant", "kms:DescribeKey"],
      Resource: "*",
      Condition: {
        StringEquals: {
          "kms:CallerAccount": input.accountId,
          "kms:ViaService": one(unique(input.viaServices).map((s) => `${s}.${input.region}.${input.dnsSuffix}`)),
        },
      },
    });
  }

  if (input.allowCloudWatchLogs) {
    statements.push({
      Sid: "CloudWatchLogsOfThisAccount",
      Effect: "Allow",
      Principal: { Service: `logs.${input.region}.${input.dnsSuffix}` },
      Action: [...SERVICE_DEFAULT_ACTIONS],
      Resource: "*",
      Condition: {
        ArnLike: {
          "kms:EncryptionContext:aws:logs:arn": `arn:${input.partition}:logs:${input.region}:${input.accountId}:log-group:*`,
        },
      },
    });
  }

  for (const access of input.servicePrincipals) {
    if (Object.keys(access.conditions).length === 0) {
      throw new Error(`service principal "${access.service}" has no conditions`);
    }
    const principal = access.regional
      ? `${access.service}.${input.region}.${input.dnsSuffix}`
      : `${access.service}.${input.dnsSuffix}`;
    statements.push({
      Sid: `Service${pascal(access.service)}${access.regional ? "Regional" : ""}`,
      Effect: "Allow",
      Principal: { Service: principal },
      Action: [...(access.actions ?? SERVICE_DEFAULT_ACTIONS)],
      Resource: "*",
      Condition: substitute(access.conditions, vars),
    });
  }

  const sids = statements.map((s) => s.Sid);
  const duplicate = sids.find((sid, i) => sids.indexOf(sid) !== i);
  if (duplicate !== undefined) throw new Error(`two key policy statements share the Sid "${duplicate}"`);
  return { Version: "2012-10-17", Statement: statements };
}

/** `StringEquals` conditions on `kms:EncryptionContext:<key>`, or undefined when there is no context. */
export function contextConditions(context: Readonly<Record<string, string>> | undefined): Conditions | undefined {
  if (context === undefined || Object.keys(context).length === 0) return undefined;
  const equals: Record<string, string> = {};
  for (const key of Object.keys(context).sort()) equals[`kms:EncryptionContext:${key}`] = context[key]!;
  return { StringEquals: equals };
}

function substitute(conditions: Conditions, vars: Record<string, string>): Conditions {
  const fill = (text: string) => text.replace(/\{(account|region|partition)\}/g, (_, name: string) => vars[name]!);
  const out: Record<string, Record<string, string | readonly string[]>> = {};
  for (const [operator, entries] of Object.entries(conditions)) {
    const filled: Record<string, string | readonly string[]> = {};
    for (const [key, value] of Object.entries(entries)) {
      filled[fill(key)] = typeof value === "string" ? fill(value) : value.map(fill);
    }
    out[operator] = filled;
  }
  return out;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function one(values: readonly string[]): string | readonly string[] {
  return values.length === 1 ? values[0]! : values;
}

function pascal(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("");
}
