import * as fs from "node:fs";
import { afterEach, expect, test } from "vitest";
import { SECRET, UNKNOWN, type Plan } from "../plan";
import { planProgram } from "./plan-program";
import { REPO_ROOT, writeTestProgram } from "../../test/support/plan";

afterEach(() => {
  delete process.env.PHIGUARD_EAGER_OUTPUTS;
});

/** `plan` of the SDK's own `transferProperties` (every Output built at construction) and of the lazy one. */
async function bothWays(plan: () => Promise<Plan>): Promise<{ eager: Plan; lazy: Plan }> {
  process.env.PHIGUARD_EAGER_OUTPUTS = "1";
  const eager = await plan();
  delete process.env.PHIGUARD_EAGER_OUTPUTS;
  const lazy = await plan();
  return { eager, lazy };
}

/** Reads outputs every way a program can: before and after the registration settles, secret, overwritten. */
const PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

const key = new aws.kms.Key("key", { description: "phi key", enableKeyRotation: true });
const early = key.description;
const secretKey = new aws.kms.Key("secret-key", { description: pulumi.secret("hidden") });
const assigned = new aws.kms.Key("assigned", { description: "before" });
(assigned as unknown as { description: unknown }).description = "overwritten";

const observations = {
  same: String(key.description === early),
  enumerable: String(["arn", "description", "keyId", "policy"].every((k) => Object.keys(key).includes(k))),
  assigned: String((assigned as unknown as { description: unknown }).description),
};
new aws.sns.Topic("topic", { kmsMasterKeyId: key.arn });

key.urn.apply(() => {
  // First read after the key's registration settled.
  new aws.sqs.Queue("late", { kmsMasterKeyId: key.keyId, name: key.description.apply((d) => d + "-late") });
});
pulumi
  .all([key.description, pulumi.isSecret(secretKey.description), secretKey.description.apply((d) => d.length)])
  .apply(([description, secret, length]) =>
    new aws.sns.Topic("observations", { tags: { ...observations, description, secret: String(secret), length: String(length) } }),
  );
new aws.sqs.Queue("from-secret", { name: secretKey.description });
`;

test("a program reads the same outputs, values, secrets, unknowns and dependencies from lazily built Outputs", async () => {
  const dir = writeTestProgram(PROGRAM);
  const { eager, lazy } = await bothWays(() => planProgram({ dir, stack: "test" })).finally(() => fs.rmSync(dir, { recursive: true, force: true }));
  expect(lazy.resources).toEqual(eager.resources);
  const byName = new Map(lazy.resources.map((r) => [r.name, r]));
  const keyUrn = byName.get("key")!.urn;
  expect(byName.get("observations")!.props.tags).toEqual({
    same: "true",
    enumerable: "true",
    assigned: "overwritten",
    description: "phi key",
    secret: "true",
    length: "6",
  });
  const late = byName.get("late")!;
  expect(late.props).toMatchObject({ name: "phi key-late", kmsMasterKeyId: UNKNOWN });
  expect(late.propertyDependencies.kmsMasterKeyId).toEqual([keyUrn]);
  expect(byName.get("topic")!.props.kmsMasterKeyId).toEqual(UNKNOWN);
  expect(byName.get("from-secret")!.props.name).toEqual(SECRET);
});

test.each(["demo", "fhir-platform", "imaging-archive", "remote-monitoring", "analytics-lake"])(
  "the %s reference stack plans identically with lazily built Outputs",
  async (stack) => {
    const { eager, lazy } = await bothWays(() => planProgram({ dir: REPO_ROOT, stack }));
    expect(lazy.resources.length).toBeGreaterThan(10);
    expect(lazy).toEqual(eager);
  },
  60_000,
);
