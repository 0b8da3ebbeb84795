/**
 * Test rules covering every path of `@pulumi/policy`'s analyzer: compliant and non-compliant,
 * notApplicable (with and without a reason), reads of unknown and secret values, typed rules,
 * arrays of validations, every enforcement level, config with schema defaults, the object form of
 * `reportViolation`, async rules, provider and options access, and stack rules joining resources
 * through parents, dependencies and property dependencies.
 */
import * as aws from "@pulumi/aws";
import {
  validateResourceOfType,
  validateStackResourcesOfType,
  type PolicyResource,
  type ReportViolation,
  type ResourceValidationArgs,
} from "@pulumi/policy";
import * as pulumi from "@pulumi/pulumi";
import type { PhiguardPolicy, PhiguardResourcePolicy, PhiguardStackPolicy } from "../rule";

const meta = { hipaa: ["164.312(a)(2)(iv)"], remediation: "Fix it." } as const;

const S3_BUCKET = "aws:s3/bucket:Bucket";

export const s3BucketTags: PhiguardResourcePolicy = {
  ...meta,
  name: "s3-bucket-tags",
  description: "S3 buckets carry a DataClass tag.",
  severity: "low",
  validateResource: (args, report) => {
    if (args.type !== S3_BUCKET) return;
    const tags = args.props.tags as Record<string, string> | undefined;
    if (!tags?.DataClass) report(`bucket '${args.name}' has no DataClass tag`);
  },
};

export const kmsRotation: PhiguardResourcePolicy = {
  ...meta,
  hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"],
  name: "kms-key-rotation",
  description: "KMS keys rotate yearly.",
  enforcementLevel: "mandatory",
  validateResource: validateResourceOfType(aws.kms.Key, (key, _args, report) => {
    if (key.enableKeyRotation !== true) report("enableKeyRotation is not true");
  }),
};

export const kmsPolicyReadsUnknown: PhiguardResourcePolicy = {
  ...meta,
  name: "kms-key-policy-no-wildcard",
  description: "KMS key policies grant no wildcard principal.",
  validateResource: validateResourceOfType(aws.kms.Key, (key, _args, report) => {
    if (String(key.policy).includes('"Principal":"*"')) report("wildcard principal");
  }),
};

export const rdsEncrypted: PhiguardResourcePolicy = {
  ...meta,
  name: "rds-storage-encrypted",
  description: "RDS storage is encrypted.",
  severity: "critical",
  enforcementLevel: "mandatory",
  validateResource: validateResourceOfType(aws.rds.Instance, (db, _args, report) => {
    if (!db.storageEncrypted) report("storageEncrypted is false");
  }),
};

export const rdsCmk: PhiguardResourcePolicy = {
  ...meta,
  name: "rds-customer-managed-key",
  description: "RDS uses a customer managed KMS key.",
  validateResource: validateResourceOfType(aws.rds.Instance, (db, _args, report) => {
    if (!db.kmsKeyId) report("no kmsKeyId");
  }),
};

export const rdsPasswordSecret: PhiguardResourcePolicy = {
  ...meta,
  name: "rds-password-length",
  description: "RDS master passwords are long.",
  validateResource: validateResourceOfType(aws.rds.Instance, (db, _args, report) => {
    if (String(db.password).length < 16) report("password shorter than 16");
  }),
};

export const rdsTagsArray: PhiguardResourcePolicy = {
  ...meta,
  name: "rds-tags-array",
  description: "Reads an unknown array element.",
  resourceTypes: ["aws:rds/instance:Instance"],
  validateResource: (args, report) => {
    if (args.type !== "aws:rds/instance:Instance") return;
    const tags = args.props.tags as unknown[];
    if (tags.length > 0 && tags[0] === "x") report("odd tag");
  },
};

export const publicAccessBlock: PhiguardResourcePolicy = {
  ...meta,
  name: "s3-public-access-block",
  description: "Public access blocks block everything.",
  resourceTypes: ["aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"],
  validateResource: (args, report) => {
    if (args.type !== "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock") return;
    for (const k of ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"]) {
      if (args.props[k] !== true) report(`${k} is not true`);
    }
  },
};

/** Typed and dispatched: the documented case where the engine records no notApplicable for other types. */
export const typedAndDispatched: PhiguardResourcePolicy = {
  ...meta,
  name: "lambda-runtime-supported",
  description: "Lambda runtimes are supported.",
  resourceTypes: ["aws:lambda/function:Function"],
  validateResource: validateResourceOfType(aws.lambda.Function, (fn, _args, report) => {
    if (!String(fn.runtime).startsWith("nodejs2")) report(`runtime ${String(fn.runtime)}`);
  }),
};

export const prodOnly: PhiguardResourcePolicy = {
  ...meta,
  name: "prod-only-deletion-protection",
  description: "Production databases are protected from deletion.",
  validateResource: (args, report) => {
    if (args.stackTags.get("env") !== "prod") args.notApplicable("only production stacks");
    if (!args.isType(aws.rds.Instance)) args.notApplicable();
    const db = args.asType(aws.rds.Instance);
    if (db && db.deletionProtection !== false) return;
    report("deletionProtection is off");
  },
};

export const disabledRule: PhiguardResourcePolicy = {
  ...meta,
  name: "always-fails-but-disabled",
  description: "Disabled; must never run.",
  enforcementLevel: "disabled",
  validateResource: (_args, report) => report("ran although disabled"),
};

export const remediateRule: PhiguardResourcePolicy = {
  ...meta,
  name: "bucket-force-destroy-off",
  description: "Buckets holding PHI cannot be force-destroyed.",
  enforcementLevel: "remediate",
  validateResource: validateResourceOfType(aws.s3.Bucket, (bucket, _args, report) => {
    if (bucket.forceDestroy !== false) report("forceDestroy is not false");
  }),
  remediateResource: (args) => ({ ...args.props, forceDestroy: false }),
};

export const remediationOnly: PhiguardResourcePolicy = {
  ...meta,
  name: "remediation-only",
  description: "Only remediates.",
  remediateResource: () => undefined,
};

export const arrayOfValidations: PhiguardResourcePolicy = {
  ...meta,
  name: "array-of-validations",
  description: "Two typed validations in one policy.",
  validateResource: [
    validateResourceOfType(aws.s3.Bucket, (b, _args, report) => {
      if (b.bucket === "clinic-logs-dev") report("logs bucket seen");
    }),
    validateResourceOfType(aws.kms.Key, (k, _args, report) => {
      if ((k.deletionWindowInDays ?? 0) < 30) report("short deletion window");
    }),
  ],
};

/** Reports what it was given, so every argument the server builds is compared. */
export const argsEcho: PhiguardResourcePolicy = {
  ...meta,
  name: "args-echo",
  description: "Echoes its arguments.",
  validateResource: (args, report) => {
    const echo = {
      type: args.type,
      name: args.name,
      urn: args.urn,
      keys: Object.keys(args).sort(),
      opts: args.opts,
      provider: args.provider ? { type: args.provider.type, urn: args.provider.urn, name: args.provider.name } : null,
      providerRegion: args.provider ? args.provider.props.region : null,
      tags: [...args.stackTags.entries()],
      tagCount: args.stackTags.size,
      isBucket: args.isType(aws.s3.Bucket),
      asKey: args.asType(aws.kms.Key) !== undefined,
      config: args.getConfig(),
    };
    report(JSON.stringify(echo));
  },
};

const ECHOED_TYPES = ["aws:s3/bucket:Bucket", "aws:lambda/function:Function", "aws:s3/bucketObjectv2:BucketObjectv2", "pulumi:providers:aws"];

export const propsEcho: PhiguardResourcePolicy = {
  ...meta,
  name: "props-echo",
  description: "Echoes props that hold no unknowns, and asset kinds.",
  resourceTypes: ECHOED_TYPES,
  validateResource: (args, report) => {
    const p = args.props;
    if (!ECHOED_TYPES.includes(args.type)) return;
    if (args.type === "aws:lambda/function:Function") {
      const code = p.code as unknown;
      report(JSON.stringify({
        archive: pulumi.asset.AssetArchive.isInstance(code),
        assetArchive: code instanceof pulumi.asset.AssetArchive,
        vars: Object.keys((p.environment as { variables: object }).variables),
        table: (p.environment as { variables: Record<string, string> }).variables.TABLE,
      }));
      return;
    }
    if (args.type === "aws:s3/bucketObjectv2:BucketObjectv2") {
      report(JSON.stringify({ file: p.source instanceof pulumi.asset.FileAsset, key: p.key }));
      return;
    }
    if (args.type === "pulumi:providers:aws" && args.name === "replica") {
      report(JSON.stringify({ version: p.version, keys: Object.keys(p) }));
      return;
    }
    report(JSON.stringify(p));
  },
};

export const lambdaSecretEnv: PhiguardResourcePolicy = {
  ...meta,
  name: "lambda-no-plaintext-token",
  description: "Lambda environments hold no plaintext tokens.",
  resourceTypes: ["aws:lambda/function:Function"],
  validateResource: (args, report) => {
    if (args.type !== "aws:lambda/function:Function") return;
    const vars = (args.props.environment as { variables: Record<string, string> }).variables;
    if (vars.API_TOKEN?.startsWith("tok_")) report("plaintext token");
  },
};

export const configured: PhiguardResourcePolicy = {
  ...meta,
  name: "kms-deletion-window",
  description: "KMS deletion windows are at least the configured minimum.",
  configSchema: {
    properties: {
      minimumDays: { type: "number", default: 30 },
      regions: { type: "array", items: { type: "string" } },
    },
  },
  validateResource: validateResourceOfType(aws.kms.Key, (key, args, report) => {
    const config = args.getConfig<{ minimumDays: number; regions?: string[] }>();
    if ((key.deletionWindowInDays ?? 0) < config.minimumDays) report(`window below ${config.minimumDays} days`);
    report(`config ${JSON.stringify(config)}`);
  }),
};

export const objectReport: PhiguardResourcePolicy = {
  ...meta,
  name: "object-form-report",
  description: "Uses the object form of reportViolation.",
  validateResource: validateResourceOfType(aws.s3.Bucket, (_b, args, report) => {
    (report as unknown as (info: object) => void)({
      message: `object form for ${args.name}`,
      enforcementLevel: "mandatory",
      severity: "high",
    });
  }),
};

export const asyncRule: PhiguardResourcePolicy = {
  ...meta,
  name: "async-rule",
  description: "Awaits before reporting.",
  resourceTypes: ["aws:kms/key:Key", "aws:rds/instance:Instance"],
  validateResource: async (args: ResourceValidationArgs, report: ReportViolation) => {
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (args.type === "aws:kms/key:Key") report("checked later");
    else if (args.type === "aws:rds/instance:Instance") await Promise.resolve(args.props.kmsKeyId);
  },
};

const SSE = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";

export const stackEncryptionJoin: PhiguardStackPolicy = {
  ...meta,
  name: "s3-bucket-encrypted-with-cmk",
  description: "Every S3 bucket has an SSE configuration using a KMS key from this stack.",
  enforcementLevel: "mandatory",
  resourceTypes: [S3_BUCKET],
  validateStack: (args, report) => {
    const sses = args.resources.filter((r) => r.type === SSE);
    for (const bucket of args.resources.filter((r) => r.isType(aws.s3.Bucket))) {
      const sse = sses.find((s) => (s.propertyDependencies.bucket ?? []).includes(bucket));
      if (!sse) {
        report(`bucket '${bucket.name}' has no server-side encryption configuration`, bucket.urn);
        continue;
      }
      const keys = (sse.propertyDependencies.rules ?? []).filter((k) => k.isType(aws.kms.Key));
      if (keys.length === 0) report(`bucket '${bucket.name}' is not encrypted with a KMS key`, bucket.urn);
    }
  },
};

export const stackGraphEcho: PhiguardStackPolicy = {
  ...meta,
  name: "stack-graph-echo",
  description: "Echoes parents, dependencies and providers.",
  validateStack: (args, report) => {
    const describe = (r: PolicyResource) => ({
      name: r.name,
      parent: r.parent?.name ?? null,
      deps: r.dependencies.map((d) => d.name),
      propDeps: Object.fromEntries(Object.entries(r.propertyDependencies).map(([k, v]) => [k, v.map((d) => d.name)])),
      provider: r.provider?.name ?? null,
      opts: r.opts,
      keys: Object.keys(r).sort(),
      bucket: r.asType(aws.s3.Bucket) !== undefined,
    });
    report(JSON.stringify({ resources: args.resources.map(describe), tags: [...args.stackTags.keys()], config: args.getConfig() }));
  },
};

export const stackTyped: PhiguardStackPolicy = {
  ...meta,
  name: "dynamodb-pitr",
  description: "DynamoDB tables have point-in-time recovery.",
  validateStack: validateStackResourcesOfType(aws.dynamodb.Table, (tables, _args, report) => {
    for (const t of tables) if (!t.pointInTimeRecovery?.enabled) report("no PITR");
  }),
};

export const stackTypedPresent: PhiguardStackPolicy = {
  ...meta,
  name: "kms-keys-described",
  description: "KMS keys have descriptions.",
  validateStack: validateStackResourcesOfType(aws.kms.Key, (keys, args, report) => {
    keys.forEach((k, i) => {
      if (k.description) report(`key ${args.resources[i]?.name} described`, args.resources[i]?.urn);
    });
  }),
};

export const stackReadsUnknown: PhiguardStackPolicy = {
  ...meta,
  name: "sse-bucket-known",
  description: "Reads an unknown value from a stack rule.",
  validateStack: (args, report) => {
    for (const r of args.resources) {
      if (r.type === SSE && String(r.props.bucket) === "") report("empty bucket");
    }
  },
};

export const stackNotApplicable: PhiguardStackPolicy = {
  ...meta,
  name: "prod-stack-only",
  description: "Only runs on production stacks.",
  severity: "medium",
  validateStack: (args, report) => {
    if (args.stackTags.get("env") !== "prod") args.notApplicable("only production stacks");
    report("production stack checked");
  },
};

export const stackObjectReport: PhiguardStackPolicy = {
  ...meta,
  name: "stack-object-report",
  description: "Object form from a stack rule.",
  validateStack: (args, report) => {
    const db = args.resources.find((r) => r.type === "aws:rds/instance:Instance");
    (report as unknown as (info: object) => void)({ name: "stack-object-report-renamed", urn: db?.urn, description: "renamed" });
  },
};

/** Reads provider props that are unknown (the replica provider's region). */
export const providerRegion: PhiguardResourcePolicy = {
  ...meta,
  name: "provider-region-allowed",
  description: "Resources land in allowed regions.",
  validateResource: (args, report) => {
    if (!args.provider) return;
    const region = args.provider.props.region as string;
    if (!["us-east-1", "us-west-2"].includes(region)) report(`region ${region} not allowed`);
  },
};

export const corpus: readonly PhiguardPolicy[] = [
  s3BucketTags,
  kmsRotation,
  kmsPolicyReadsUnknown,
  rdsEncrypted,
  rdsCmk,
  rdsPasswordSecret,
  rdsTagsArray,
  publicAccessBlock,
  typedAndDispatched,
  prodOnly,
  disabledRule,
  remediateRule,
  remediationOnly,
  arrayOfValidations,
  argsEcho,
  propsEcho,
  lambdaSecretEnv,
  configured,
  objectReport,
  asyncRule,
  stackEncryptionJoin,
  stackGraphEcho,
  stackTyped,
  stackTypedPresent,
  stackReadsUnknown,
  stackNotApplicable,
  stackObjectReport,
  providerRegion,
];
