import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { expect, onTestFinished, test } from "vitest";
import type { Plan } from "../plan";
import { writeTestProgram } from "../../test/support/plan";
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

/** `phiguard plan` of the program in `dir`, as a user runs it; `full` uses the SDK's own stack trace. */
function planByCli(dir: string, full: boolean): Plan {
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  const run = runPhiguard(["plan", dir], { env: full ? { PHIGUARD_FULL_STACK_TRACES: "1" } : { PHIGUARD_FULL_STACK_TRACES: "" } });
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Plan;
}

test("the shallow stack trace gives every resource the position the SDK's full one gives with Node's source maps", () => {
  const dir = writeTestProgram(PROGRAM);
  const shallow = sources(planByCli(dir, false));
  const full = sources(planByCli(dir, true));
  expect(shallow).toEqual(full);
  // Node names a mapped anonymous frame `<anonymous>`, so the SDK's pattern reads it too.
  expect(shallow["arrow-a"]).toMatchObject({ file: "<program>/index.ts", line: PROGRAM.split("\n").findIndex((l) => l.includes("arrow-")) + 1 });
  for (const name of ["top-level", "in-a-function", "component-bucket", "after-await"]) {
    expect(shallow[name], name).toMatchObject({ file: "<program>/index.ts" });
  }
  expect(Object.keys(shallow)).toHaveLength(8);
});

test("a compiled JavaScript program is mapped through its .js.map file, as Node maps it", () => {
  const dir = writeTestProgram("");
  const compiled = ts.transpileModule(PROGRAM, {
    fileName: "index.ts",
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, sourceMap: true },
  });
  fs.rmSync(path.join(dir, "index.ts"));
  fs.mkdirSync(path.join(dir, "bin"));
  fs.writeFileSync(path.join(dir, "bin", "index.js"), compiled.outputText.replace(/\/\/# sourceMappingURL=.*$/m, "//# sourceMappingURL=index.js.map"));
  fs.writeFileSync(path.join(dir, "bin", "index.js.map"), JSON.stringify({ ...JSON.parse(compiled.sourceMapText!), sourceRoot: "../src/" }));
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: test\nruntime: nodejs\nmain: bin/index.js\n");
  const shallow = sources(planByCli(dir, false));
  expect(shallow).toEqual(sources(planByCli(dir, true)));
  expect(shallow["top-level"]).toMatchObject({ file: "<program>/src/index.ts", line: PROGRAM.split("\n").findIndex((l) => l.includes(`"top-level"`)) + 1 });
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
