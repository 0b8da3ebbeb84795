import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { isPhiguardError } from "../errors";
import { SECRET, UNKNOWN, type Plan } from "../plan";
import { KEY_POLICY, SECRET_ARN, URN } from "./fixtures/urns";
import { loadPreviewJson } from "./preview";

const FILE = "preview.json";
const fixture = readFileSync(join(__dirname, "fixtures", "preview.json"), "utf8");
const NO_OPTIONS = { protect: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [] };

function errorOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(isPhiguardError(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error("expected a PhiguardError");
}

/** A one-step digest around a `newState`, for the small cases. */
function digest(steps: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ steps, ...extra });
}

const stackStep = { op: "same", urn: URN.stack, newState: { urn: URN.stack, custom: false, type: "pulumi:pulumi:Stack" } };

describe("loadPreviewJson on a real `pulumi preview --json` digest", () => {
  const plan = loadPreviewJson(fixture, FILE);

  test("plan header: source, project and stack from the root stack URN, config with secrets blinded and sorted", () => {
    expect(plan.schemaVersion).toBe(1);
    expect(plan.source).toBe("preview");
    expect(plan.project).toBe("clinical-records");
    expect(plan.stack).toBe("prod");
    expect(plan.config).toStrictEqual({
      "aws:region": "us-west-2",
      "clinical-records:alerting": SECRET,
      "clinical-records:dbPassword": SECRET,
      "clinical-records:retentionDays": "2190",
    });
    expect(Object.keys(plan.config)).toStrictEqual([...Object.keys(plan.config)].sort());
    expect(plan.stackTags).toStrictEqual({});
  });

  test("resources that exist after the update, in step order; the deleted queue is gone", () => {
    expect(plan.resources.map((r) => r.urn)).toStrictEqual([
      URN.stack,
      URN.provider,
      URN.key,
      URN.component,
      URN.bucket,
      URN.encryption,
      URN.template,
      URN.secretVersion,
    ]);
  });

  test("every resource, field by field", () => {
    const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
    expect(byUrn.get(URN.stack)).toStrictEqual({
      urn: URN.stack,
      type: "pulumi:pulumi:Stack",
      name: "clinical-records-prod",
      custom: false,
      dependencies: [],
      propertyDependencies: {},
      props: {},
      options: NO_OPTIONS,
    });
    expect(byUrn.get(URN.provider)).toStrictEqual({
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
    expect(byUrn.get(URN.key)).toStrictEqual({
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
    expect(byUrn.get(URN.component)).toStrictEqual({
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
    expect(byUrn.get(URN.bucket)).toStrictEqual({
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
    expect(byUrn.get(URN.encryption)).toStrictEqual({
      urn: URN.encryption,
      type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
      name: "patient-records",
      custom: true,
      parent: URN.component,
      provider: URN.provider,
      dependencies: [URN.bucket, URN.key],
      propertyDependencies: { bucket: [URN.bucket], rules: [URN.key] },
      props: {
        bucket: UNKNOWN,
        rules: [{ applyServerSideEncryptionByDefault: { kmsMasterKeyId: UNKNOWN, sseAlgorithm: "aws:kms" }, bucketKeyEnabled: true }],
      },
      options: { ...NO_OPTIONS, deletedWith: URN.bucket },
      source: { file: "components/storage/phi-bucket.ts", line: 61, column: 9 },
      region: "us-east-1",
    });
    expect(byUrn.get(URN.template)).toStrictEqual({
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
        bucket: UNKNOWN,
        contentType: "text/html",
        key: "templates/consent.html",
        kmsKeyId: UNKNOWN,
        serverSideEncryption: "aws:kms",
        source: { "@phiguard": "asset", path: "templates/consent.html" },
      },
      options: NO_OPTIONS,
      source: { file: "components/storage/phi-bucket.ts", line: 74, column: 9 },
      region: "us-east-1",
    });
    // Default provider: no `provider` field (the program gave none); hidden from the preview, so the stack's region.
    expect(byUrn.get(URN.secretVersion)).toStrictEqual({
      urn: URN.secretVersion,
      type: "aws:secretsmanager/secretVersion:SecretVersion",
      name: "ehr-db-credentials",
      custom: true,
      parent: URN.stack,
      dependencies: [URN.secret],
      propertyDependencies: { secretId: [URN.secret], secretString: [] },
      props: { secretId: SECRET_ARN, secretString: SECRET },
      options: { ...NO_OPTIONS, aliases: [URN.secretVersionAlias] },
      source: { file: "index.ts", line: 41, column: 25 },
      region: "us-west-2",
    });
  });

  test("diagnostics: program output, warnings, and a warning that unchanged resources are not in the preview", () => {
    expect(plan.diagnostics).toStrictEqual([
      { severity: "info", message: "Provisioning PHI store patient-records in us-east-1" },
      {
        severity: "warning",
        message: "warning: patient-records: object lock is enabled without a default retention period",
        urn: URN.bucket,
      },
      {
        severity: "warning",
        message: "the preview omits 2 unchanged resource(s); run `pulumi preview --json --show-sames` so that every resource is checked",
      },
    ]);
  });

  test("no secret and no blinded placeholder survives", () => {
    const text = JSON.stringify(plan);
    expect(text).not.toContain("[secret]");
    expect(text).not.toContain("04da6b54-80e4-46f7-96ec-b56ff0331ba9");
  });

  test("is plain JSON: it survives a round trip unchanged", () => {
    expect(JSON.parse(JSON.stringify(plan)) as Plan).toStrictEqual(plan);
  });
});

describe("loadPreviewJson step handling", () => {
  const bucket = (inputs: Record<string, unknown>) => ({ urn: URN.bucket, custom: true, type: "aws:s3/bucket:Bucket", inputs });

  test("a replacement keeps one resource, with the new state, where its last step is", () => {
    const plan = loadPreviewJson(
      digest([
        stackStep,
        { op: "create-replacement", urn: URN.bucket, newState: bucket({ forceDestroy: false }) },
        { op: "replace", urn: URN.bucket, newState: bucket({ forceDestroy: false }) },
        { op: "create", urn: URN.key, newState: { urn: URN.key, custom: true, type: "aws:kms/key:Key" } },
        { op: "delete-replaced", urn: URN.bucket, oldState: bucket({ forceDestroy: true }) },
      ]),
      FILE,
    );
    expect(plan.resources.map((r) => [r.urn, r.props])).toStrictEqual([
      [URN.stack, {}],
      [URN.bucket, { forceDestroy: false }],
      [URN.key, {}],
    ]);
  });

  test("a refreshed resource takes the state of its later step, at that step's place", () => {
    const plan = loadPreviewJson(
      digest([
        { op: "refresh", urn: URN.bucket, newState: bucket({ forceDestroy: true }) },
        stackStep,
        { op: "update", urn: URN.bucket, newState: bucket({ forceDestroy: false }) },
      ]),
      FILE,
    );
    expect(plan.resources.map((r) => [r.urn, r.props])).toStrictEqual([
      [URN.stack, {}],
      [URN.bucket, { forceDestroy: false }],
    ]);
  });

  test("deleted and discarded resources are not in the plan", () => {
    const plan = loadPreviewJson(
      digest([
        stackStep,
        { op: "delete", urn: URN.bucket, oldState: bucket({}) },
        { op: "read", urn: URN.key, newState: { urn: URN.key, custom: true, type: "aws:kms/key:Key" } },
        { op: "discard", urn: URN.key, oldState: { urn: URN.key, custom: true, type: "aws:kms/key:Key" } },
      ]),
      FILE,
    );
    expect(plan.resources.map((r) => r.urn)).toStrictEqual([URN.stack]);
  });

  test("a provider that the preview does not show: its region is not guessed; a default provider's is the stack's", () => {
    const plan = loadPreviewJson(
      digest(
        [
          stackStep,
          { op: "create", urn: URN.bucket, newState: { ...bucket({}), provider: `${URN.provider}::id-1` } },
          { op: "create", urn: URN.key, newState: { urn: URN.key, custom: true, type: "aws:kms/key:Key", provider: `${URN.defaultProvider}::id-2` } },
        ],
        { config: { "aws:region": "eu-west-1" } },
      ),
      FILE,
    );
    expect(plan.resources.map((r) => [r.urn, r.provider, r.region])).toStrictEqual([
      [URN.stack, undefined, undefined],
      [URN.bucket, URN.provider, undefined],
      [URN.key, undefined, "eu-west-1"],
    ]);
  });

  test("diagnostics: info#err output is info, debug is dropped, a URN is kept", () => {
    const diagnostics = [
      { message: "stderr line\n", severity: "info#err" },
      { message: "verbose", severity: "debug" },
      { urn: URN.stack, message: "warning: careful", severity: "warning" },
    ];
    expect(loadPreviewJson(digest([stackStep], { diagnostics }), FILE).diagnostics).toStrictEqual([
      { severity: "info", message: "stderr line" },
      { severity: "warning", message: "warning: careful", urn: URN.stack },
    ]);
  });

  test("a resource's own region wins over its provider's", () => {
    const plan = loadPreviewJson(
      digest([
        stackStep,
        { op: "create", urn: URN.provider, newState: { urn: URN.provider, custom: true, type: "pulumi:providers:aws", inputs: { region: "us-east-1" } } },
        { op: "create", urn: URN.bucket, newState: { ...bucket({ region: "us-east-2" }), provider: `${URN.provider}::x` } },
      ]),
      FILE,
    );
    expect(plan.resources.map((r) => r.region)).toStrictEqual([undefined, "us-east-1", "us-east-2"]);
  });
});

describe("loadPreviewJson errors name the file and the field", () => {
  test("a field of the wrong type", () => {
    const text = digest([stackStep, { op: "create", urn: URN.key, newState: { urn: URN.key, custom: true, type: 7 } }]);
    expect(errorOf(() => loadPreviewJson(text, FILE))).toBe("preview.json: steps[1].newState.type: expected a string, got number");
  });

  test("an unknown step operation", () => {
    const text = digest([{ ...stackStep, op: "teleport" }]);
    expect(errorOf(() => loadPreviewJson(text, FILE))).toMatch(/^preview\.json: steps\[0\]\.op: expected "same" or "create" or .* got "teleport"$/);
  });

  test("a producing step without its new state", () => {
    const text = digest([{ op: "create", urn: URN.stack }]);
    expect(errorOf(() => loadPreviewJson(text, FILE))).toBe(
      'preview.json: steps[0].newState: missing, a "create" step must carry the resource\'s new state',
    );
  });

  test("a step whose new state is another resource", () => {
    const text = digest([{ ...stackStep, urn: URN.key }]);
    expect(errorOf(() => loadPreviewJson(text, FILE))).toMatch(/^preview\.json: steps\[0\]\.newState\.urn: expected the step's URN/);
  });

  test("a URN that is not one", () => {
    const text = digest([{ ...stackStep, newState: { ...stackStep.newState, parent: "stack" } }]);
    expect(errorOf(() => loadPreviewJson(text, FILE))).toBe(
      'preview.json: steps[0].newState.parent: expected a URN (urn:pulumi:<stack>::<project>::<type>::<name>), got "stack"',
    );
  });

  test("a failed preview (an error diagnostic) is not a plan", () => {
    const text = digest([stackStep], { diagnostics: [{ message: "error: Running program failed\n", severity: "error" }] });
    expect(errorOf(() => loadPreviewJson(text, FILE))).toBe(
      "preview.json: diagnostics[0]: the preview failed, so it plans nothing: error: Running program failed",
    );
  });

  test("no resources at all", () => {
    expect(errorOf(() => loadPreviewJson("{}", FILE))).toBe("preview.json: steps: no resources, so the project and stack are unknown");
  });

  test("not JSON, or a stack export given as a preview", () => {
    expect(errorOf(() => loadPreviewJson("Previewing update (prod):", FILE))).toMatch(/^preview\.json: not valid JSON \(/);
    expect(errorOf(() => loadPreviewJson('{"version":3,"deployment":{}}', FILE))).toBe(
      "preview.json: steps: missing: this looks like `pulumi stack export` output; load it as a stack export",
    );
  });
});
