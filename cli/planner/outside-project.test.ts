import { afterAll, expect, test } from "vitest";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { planProgram } from "./plan-program";
import { loadSdk } from "./sdk";
import { REPO_ROOT, planTestProgram } from "../../test/support/plan";
import type { Plan } from "../plan";

const PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";
const key = new aws.kms.Key("key", { enableKeyRotation: true });
const bucket = new aws.s3.Bucket("records", {});
new aws.s3.BucketServerSideEncryptionConfiguration("records-sse", {
  bucket: bucket.id,
  rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: key.arn } }],
});
export const region = new pulumi.Config("aws").require("region");
`;

const outside = fs.mkdtempSync(path.join(os.tmpdir(), "phiguard-consumer-"));
afterAll(() => fs.rmSync(outside, { recursive: true, force: true }));

/**
 * A user's project: its own copies of @pulumi/pulumi and @pulumi/aws (hard-linked copies, so
 * they are distinct module instances), everything else linked from this repo's node_modules.
 */
function makeConsumerProject(dir: string): void {
  const modules = path.join(dir, "node_modules");
  fs.mkdirSync(path.join(modules, "@pulumi"), { recursive: true });
  const repoModules = path.join(REPO_ROOT, "node_modules");
  for (const entry of fs.readdirSync(repoModules)) {
    if (entry === "@pulumi" || entry.startsWith(".")) continue;
    fs.symlinkSync(path.join(repoModules, entry), path.join(modules, entry));
  }
  for (const pkg of ["pulumi", "aws"]) {
    execFileSync("cp", ["-al", path.join(repoModules, "@pulumi", pkg), path.join(modules, "@pulumi", pkg)]);
  }
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: test\nruntime: nodejs\n");
  fs.writeFileSync(path.join(dir, "Pulumi.test.yaml"), "config:\n  aws:region: us-east-1\n");
  fs.writeFileSync(path.join(dir, "index.ts"), PROGRAM);
}

function comparable(plan: Plan): unknown {
  return JSON.parse(JSON.stringify(plan, (key, value) => (key === "source" || key === "diagnostics" ? undefined : value)));
}

test("a project outside this repo, with its own node_modules, plans exactly like one inside it", async () => {
  makeConsumerProject(outside);
  const sdk = loadSdk(outside);
  expect(fs.realpathSync(sdk.root)).toBe(fs.realpathSync(path.join(outside, "node_modules", "@pulumi", "pulumi")));
  expect(fs.realpathSync(sdk.root)).not.toBe(fs.realpathSync(loadSdk(REPO_ROOT).root));

  const outsidePlan = await planProgram({ dir: outside, stack: "test" });
  const insidePlan = await planTestProgram(PROGRAM);
  expect(outsidePlan.resources.map((r) => r.name)).toEqual(["test-test", "key", "records", "records-sse"]);
  expect(comparable(outsidePlan)).toEqual(comparable(insidePlan));
}, 120_000);
