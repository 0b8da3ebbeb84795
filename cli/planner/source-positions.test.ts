import { afterEach, expect, test } from "vitest";
import type { Plan } from "../plan";
import { planTestProgram, writeTestProgram } from "../../test/support/plan";
import { runPhiguard } from "../../test/support/cli";

/** Resources created every way a program creates them: top level, loops, callbacks, classes, async code. */
const PROGRAM = `
import * as pulumi from "@pulumi/pulumi";
import * as aws from "@pulumi/aws";

const key = new aws.kms.Key("top-level", { enableKeyRotation: true });

function makeQueue(name: string) {
  return new aws.sqs.Queue(name, { kmsMasterKeyId: key.arn });
}
makeQueue("in-a-function");

["a", "b"].forEach((suffix) => new aws.sns.Topic(\`arrow-\${suffix}\`));

class Store extends pulumi.ComponentResource {
  constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
    super("test:index:Store", name, {}, opts);
    new aws.s3.Bucket(\`\${name}-bucket\`, {}, { parent: this });
    this.registerOutputs();
  }
}
new Store("component");

key.arn.apply(() => new aws.sqs.Queue("inside-apply"));

export = async () => {
  await Promise.resolve();
  new aws.sns.Topic("after-await");
  return {};
};
`;

/** Each resource's source position, with the (per-run) test program directory left out. */
const sources = (plan: Plan) =>
  Object.fromEntries(
    plan.resources.map((r) => [r.name, r.source ? { ...r.source, file: r.source.file.replace(/^.*\/\.phiguard-test\/[^/]+\//, "<program>/") } : null]),
  );

afterEach(() => {
  delete process.env.PHIGUARD_FULL_STACK_TRACES;
});

test("the shallow stack trace gives every resource the source position the SDK's full one gives", async () => {
  const shallow = sources(await planTestProgram(PROGRAM));
  process.env.PHIGUARD_FULL_STACK_TRACES = "1";
  const full = sources(await planTestProgram(PROGRAM));
  expect(shallow).toEqual(full);
  // Frames the SDK's pattern does not read (an anonymous arrow function) give no position, in both.
  expect(shallow["arrow-a"]).toBeNull();
  for (const name of ["top-level", "in-a-function", "component-bucket", "after-await"]) {
    expect(shallow[name], name).toMatchObject({ file: "<program>/index.ts" });
  }
  expect(Object.keys(shallow)).toHaveLength(8);
});

test("phiguard plan records the TypeScript line that created each resource", () => {
  const run = runPhiguard(["plan", writeTestProgram(PROGRAM)]);
  expect(run.code, run.stderr).toBe(0);
  const plan = JSON.parse(run.stdout) as Plan;
  const lineOf = (text: string) => PROGRAM.split("\n").findIndex((l) => l.includes(text)) + 1;
  const positions = sources(plan);
  expect(positions["top-level"]).toMatchObject({ file: "<program>/index.ts", line: lineOf(`new aws.kms.Key("top-level"`) });
  expect(positions["in-a-function"]).toMatchObject({ line: lineOf("return new aws.sqs.Queue(name") });
  expect(positions["component-bucket"]).toMatchObject({ line: lineOf("new aws.s3.Bucket(") });
  expect(positions["after-await"]).toMatchObject({ line: lineOf(`new aws.sns.Topic("after-await")`) });
});
