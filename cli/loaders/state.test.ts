import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { isPhiguardError } from "../errors";
import { SECRET, type PlannedResource } from "../plan";
import { KEY_POLICY, SECRET_ARN, SECRET_VALUES, URN } from "./fixtures/urns";
import { loadStackExport } from "./state";

const FILE = "state.json";
const read = (name: string) => readFileSync(join(__dirname, "fixtures", name), "utf8");
const fixture = read("stack-export.json");
const showSecretsFixture = read("stack-export-show-secrets.json");
const NO_OPTIONS = { protect: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [] };
const BUCKET_NAME = "patient-records-20250114093011223300000001";
const KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/mrk-5f1c9e2a7b3d4c8e9f0a1b2c3d4e5f6a";

function errorOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(isPhiguardError(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error("expected a PhiguardError");
}

/** A stack export around some resources, for the small cases. */
function stackExport(resources: unknown[], version: unknown = 3): string {
  return JSON.stringify({ version, deployment: { manifest: { time: "2025-03-02T16:04:57Z", magic: "", version: "v3.248.0" }, resources } });
}

const stackResource = { urn: URN.stack, custom: false, type: "pulumi:pulumi:Stack" };

describe("loadStackExport on a real `pulumi stack export`", () => {
  const plan = loadStackExport(fixture, FILE);
  const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
  const expectResource = (urn: string, expected: PlannedResource) => expect(byUrn.get(urn)).toStrictEqual(expected);

  test("plan header: no config and no tags in a state file", () => {
    expect(plan).toMatchObject({ schemaVersion: 1, source: "state", project: "clinical-records", stack: "prod" });
    expect(plan.config).toStrictEqual({});
    expect(plan.stackTags).toStrictEqual({});
    expect(plan.diagnostics).toStrictEqual([]);
  });

  test("resources in the document's order; the pending delete of the replaced encryption configuration is skipped", () => {
    expect(plan.resources.map((r) => r.urn)).toStrictEqual([
      URN.stack,
      URN.provider,
      URN.key,
      URN.component,
      URN.bucket,
      URN.encryption,
      URN.template,
      URN.defaultProvider,
      URN.secret,
      URN.secretVersion,
    ]);
    // The live copy, not the pending delete (which used AES256).
    expect(byUrn.get(URN.encryption)?.props.rules).toStrictEqual([
      { applyServerSideEncryptionByDefault: { kmsMasterKeyId: KEY_ARN, sseAlgorithm: "aws:kms" }, bucketKeyEnabled: true },
    ]);
  });

  test("the stack, the providers and the key", () => {
    expectResource(URN.stack, {
      urn: URN.stack,
      type: "pulumi:pulumi:Stack",
      name: "clinical-records-prod",
      custom: false,
      dependencies: [],
      propertyDependencies: {},
      props: {},
      options: NO_OPTIONS,
    });
    expectResource(URN.provider, {
      urn: URN.provider,
      type: "pulumi:providers:aws",
      name: "phi-us-east-1",
      custom: true,
      parent: URN.stack,
      dependencies: [],
      propertyDependencies: { defaultTags: [], region: [] },
      props: {
        defaultTags: '{"tags":{"data-classification":"phi","owner":"platform"}}',
        region: "us-east-1",
        skipCredentialsValidation: "false",
        version: "7.48.0",
      },
      options: NO_OPTIONS,
      source: { file: "index.ts", line: 12, column: 21 },
      region: "us-east-1",
    });
    expectResource(URN.defaultProvider, {
      urn: URN.defaultProvider,
      type: "pulumi:providers:aws",
      name: "default_7_48_0",
      custom: true,
      dependencies: [],
      propertyDependencies: {},
      props: { region: "us-west-2", skipCredentialsValidation: "false", version: "7.48.0" },
      options: NO_OPTIONS,
      region: "us-west-2",
    });
    expectResource(URN.key, {
      urn: URN.key,
      type: "aws:kms/key:Key",
      name: "phi-records-key",
      custom: true,
      parent: URN.stack,
      provider: URN.provider,
      dependencies: [],
      propertyDependencies: {
        customerMasterKeySpec: [],
        deletionWindowInDays: [],
        description: [],
        enableKeyRotation: [],
        isEnabled: [],
        keyUsage: [],
        policy: [],
      },
      props: {
        customerMasterKeySpec: "SYMMETRIC_DEFAULT",
        deletionWindowInDays: 30,
        description: "Envelope key for patient records (PHI)",
        enableKeyRotation: true,
        isEnabled: true,
        keyUsage: "ENCRYPT_DECRYPT",
        policy: KEY_POLICY,
      },
      options: { ...NO_OPTIONS, protect: true, retainOnDelete: true },
      source: { file: "index.ts", line: 19, column: 17 },
      region: "us-east-1",
    });
  });

  test("the component and its children", () => {
    expectResource(URN.component, {
      urn: URN.component,
      type: "phiguard:storage:PhiBucket",
      name: "patient-records",
      custom: false,
      parent: URN.stack,
      dependencies: [],
      propertyDependencies: {},
      props: {},
      options: NO_OPTIONS,
      source: { file: "index.ts", line: 27, column: 24 },
    });
    expectResource(URN.bucket, {
      urn: URN.bucket,
      type: "aws:s3/bucket:Bucket",
      name: "patient-records",
      custom: true,
      parent: URN.component,
      provider: URN.provider,
      dependencies: [],
      propertyDependencies: { bucketPrefix: [], forceDestroy: [], objectLockEnabled: [], tags: [] },
      props: {
        bucketPrefix: "patient-records-",
        forceDestroy: false,
        objectLockEnabled: true,
        tags: { Name: "patient-records", "data-classification": "phi" },
      },
      options: { ...NO_OPTIONS, ignoreChanges: ["tags.LastAudit"], customTimeouts: { create: "10m", delete: "1h30m" } },
      source: { file: "components/storage/phi-bucket.ts", line: 48, column: 22 },
      region: "us-east-1",
    });
    expectResource(URN.encryption, {
      urn: URN.encryption,
      type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
      name: "patient-records",
      custom: true,
      parent: URN.component,
      provider: URN.provider,
      dependencies: [URN.bucket, URN.key],
      propertyDependencies: { bucket: [URN.bucket], rules: [URN.key] },
      props: {
        bucket: BUCKET_NAME,
        rules: [{ applyServerSideEncryptionByDefault: { kmsMasterKeyId: KEY_ARN, sseAlgorithm: "aws:kms" }, bucketKeyEnabled: true }],
      },
      options: { ...NO_OPTIONS, deletedWith: URN.bucket },
      source: { file: "components/storage/phi-bucket.ts", line: 61, column: 9 },
      region: "us-east-1",
    });
    expectResource(URN.template, {
      urn: URN.template,
      type: "aws:s3/bucketObjectv2:BucketObjectv2",
      name: "patient-records-consent-template",
      custom: true,
      parent: URN.component,
      provider: URN.provider,
      dependencies: [URN.bucket, URN.key, URN.encryption],
      propertyDependencies: {
        bucket: [URN.bucket],
        contentType: [],
        key: [],
        kmsKeyId: [URN.key],
        serverSideEncryption: [],
        source: [],
      },
      props: {
        bucket: BUCKET_NAME,
        contentType: "text/html",
        key: "templates/consent.html",
        kmsKeyId: KEY_ARN,
        serverSideEncryption: "aws:kms",
        source: { "@phiguard": "asset", path: "templates/consent.html" },
      },
      options: NO_OPTIONS,
      source: { file: "components/storage/phi-bucket.ts", line: 74, column: 9 },
      region: "us-east-1",
    });
  });

  test("the secret and its version: the encrypted value is a marker, the region the default provider's", () => {
    expectResource(URN.secret, {
      urn: URN.secret,
      type: "aws:secretsmanager/secret:Secret",
      name: "ehr-db-credentials",
      custom: true,
      parent: URN.stack,
      dependencies: [],
      propertyDependencies: { description: [], kmsKeyId: [], name: [], recoveryWindowInDays: [] },
      props: { description: "EHR database credentials", kmsKeyId: "alias/ehr-secrets", name: "ehr-db-credentials", recoveryWindowInDays: 30 },
      options: NO_OPTIONS,
      source: { file: "index.ts", line: 37, column: 18 },
      region: "us-west-2",
    });
    expectResource(URN.secretVersion, {
      urn: URN.secretVersion,
      type: "aws:secretsmanager/secretVersion:SecretVersion",
      name: "ehr-db-credentials",
      custom: true,
      parent: URN.stack,
      dependencies: [URN.secret],
      propertyDependencies: { secretId: [URN.secret], secretString: [] },
      props: { secretId: SECRET_ARN, secretString: SECRET },
      options: { ...NO_OPTIONS, aliases: [URN.secretVersionAlias], additionalSecretOutputs: ["secretString"] },
      source: { file: "index.ts", line: 41, column: 25 },
      region: "us-west-2",
    });
  });
});

describe("secrets never reach a plan", () => {
  test.each([
    ["an export with encrypted secrets", fixture],
    ["an export made with --show-secrets", showSecretsFixture],
  ])("%s", (_name, text) => {
    const values = SECRET_VALUES.filter((value) => text.includes(value));
    expect(values.length).toBeGreaterThan(0);
    const plan = JSON.stringify(loadStackExport(text, FILE));
    for (const value of values) expect(plan).not.toContain(value);
  });

  test("a plaintext secret becomes the marker", () => {
    const plan = loadStackExport(showSecretsFixture, FILE);
    expect(plan.resources.find((r) => r.urn === URN.parameter)?.props).toStrictEqual({
      name: "/ehr/db/password",
      type: "SecureString",
      value: SECRET,
    });
  });
});

describe("loadStackExport errors name the file and the field", () => {
  test("deployment version 4 (version 3 plus a features list) is read", () => {
    const text = JSON.stringify({ ...JSON.parse(stackExport([stackResource])), version: 4 });
    expect(loadStackExport(text, FILE).resources).toHaveLength(1);
  });

  test.each([2, 5, "3", null])("deployment version %j is refused, naming the version it reads", (version) => {
    expect(errorOf(() => loadStackExport(stackExport([stackResource], version), FILE))).toBe(
      `state.json: version: unsupported deployment version ${typeof version === "string" ? `"${version}"` : String(version)}; phiguard reads versions 3 and 4 (the \`pulumi stack export\` format)`,
    );
  });

  test("a missing version", () => {
    expect(errorOf(() => loadStackExport(JSON.stringify({ deployment: { resources: [stackResource] } }), FILE))).toBe(
      "state.json: version: missing; phiguard reads versions 3 and 4 (the `pulumi stack export` format)",
    );
  });

  test("a field of the wrong type, with its path", () => {
    const text = stackExport([stackResource, { urn: URN.key, custom: "yes", type: "aws:kms/key:Key" }]);
    expect(errorOf(() => loadStackExport(text, FILE))).toBe("state.json: deployment.resources[1].custom: expected a boolean, got string");
  });

  test("a value with an unknown signature, with its path inside the inputs", () => {
    const inputs = { tags: { "team name": { "4dabf18193072939515e22adb298388d": "ffff" } } };
    const text = stackExport([stackResource, { urn: URN.key, custom: true, type: "aws:kms/key:Key", inputs }]);
    expect(errorOf(() => loadStackExport(text, FILE))).toBe(
      'state.json: deployment.resources[1].inputs.tags["team name"]["4dabf18193072939515e22adb298388d"]: unrecognized Pulumi value signature "ffff"',
    );
  });

  test("a provider reference without an id", () => {
    const text = stackExport([stackResource, { urn: URN.key, custom: true, type: "aws:kms/key:Key", provider: URN.provider }]);
    expect(errorOf(() => loadStackExport(text, FILE))).toMatch(
      /^state\.json: deployment\.resources\[1\]\.provider: expected a provider reference \(<provider URN>::<id>\), got "urn:pulumi:/,
    );
  });

  test("two live resources with one URN", () => {
    const text = stackExport([stackResource, stackResource]);
    expect(errorOf(() => loadStackExport(text, FILE))).toBe("state.json: deployment.resources[1].urn: duplicate of deployment.resources[0].urn");
  });

  test("an empty stack", () => {
    expect(errorOf(() => loadStackExport(stackExport([]), FILE))).toBe(
      "state.json: deployment.resources: no resources, so the project and stack are unknown",
    );
  });

  test("a checkpoint file or a preview given as a stack export", () => {
    expect(errorOf(() => loadStackExport(JSON.stringify({ version: 3, checkpoint: { latest: {} } }), FILE))).toBe(
      "state.json: deployment: missing: this is a backend checkpoint file; pass the output of `pulumi stack export`",
    );
    expect(errorOf(() => loadStackExport(JSON.stringify({ steps: [] }), FILE))).toBe(
      "state.json: deployment: missing: this looks like `pulumi preview --json` output; load it as a preview",
    );
  });

  test("pending operations of an interrupted update are reported", () => {
    const text = JSON.stringify({
      version: 3,
      deployment: { resources: [stackResource], pending_operations: [{ resource: stackResource, type: "creating" }] },
    });
    expect(loadStackExport(text, FILE).diagnostics).toStrictEqual([
      {
        severity: "warning",
        message: "the state records 1 pending operation(s) of an interrupted update; resources may differ from this state",
      },
    ]);
  });
});
