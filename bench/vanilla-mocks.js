#!/usr/bin/env node
/**
 * The benchmark's baseline: runs a compiled Pulumi program under the SDK's own, public mock
 * runtime (`pulumi.runtime.setMocks`, preview = true) and only counts what it registers.
 * No capture into a Plan, no policy, no SDK internals.
 *
 *   node bench/vanilla-mocks.js <estate-dir> [stack]
 *
 * Loads `<estate-dir>/bin/index.js` (compile the estate's index.ts first: `npx tsc -p <estate-dir>`).
 * Prints one JSON line on stdout: resources registered, by type, phase timings and maxRSS.
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { createRequire } = require("node:module");

async function main() {
  const t0 = process.hrtime.bigint();
  const dir = path.resolve(process.argv[2] || ".");
  const stack = process.argv[3] || "bench";
  const entry = path.join(dir, "bin", "index.js");
  if (!fs.existsSync(entry)) throw new Error(`${entry}: not found; compile the estate first (npx tsc -p ${dir})`);

  // The same @pulumi/pulumi copy the program itself resolves (the mock runtime is per module instance).
  const programRequire = createRequire(entry);
  const pulumi = programRequire("@pulumi/pulumi");
  const project = /^name:\s*(\S+)\s*$/m.exec(fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8"))[1];
  const config = {};
  const stackFile = path.join(dir, `Pulumi.${stack}.yaml`);
  if (fs.existsSync(stackFile)) {
    for (const m of fs.readFileSync(stackFile, "utf8").matchAll(/^ {2}([\w:-]+):\s*(\S+)\s*$/gm)) config[m[1]] = m[2];
  }

  let resources = 0;
  const byType = {};
  await pulumi.runtime.setMocks(
    {
      // Preview semantics: no id, and the state is exactly the inputs.
      newResource(args) {
        resources++;
        byType[args.type] = (byType[args.type] || 0) + 1;
        return { id: undefined, state: args.inputs };
      },
      call(args) {
        if (args.token === "aws:index/getCallerIdentity:getCallerIdentity") {
          return { accountId: "123456789012", arn: "arn:aws:iam::123456789012:user/bench", userId: "AIDABENCH", id: "123456789012" };
        }
        return args.inputs;
      },
    },
    project,
    stack,
    true,
  );
  pulumi.runtime.setAllConfig(config);

  const t1 = process.hrtime.bigint();
  // What the Node.js language host does: run the program inside the stack resource, then drain RPCs.
  await pulumi.runtime.runInPulumiStack(async () => programRequire(entry));
  await pulumi.runtime.disconnect();
  const t2 = process.hrtime.bigint();

  const ms = (a, b) => Number(b - a) / 1e6;
  process.stdout.write(
    JSON.stringify({
      tool: "vanilla-mocks",
      dir,
      resources,
      byType,
      setupMs: Math.round(ms(t0, t1)),
      programMs: Math.round(ms(t1, t2)),
      maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    }) + "\n",
  );
}

main().catch((error) => {
  process.stderr.write(`vanilla-mocks: ${error && error.stack ? error.stack : error}\n`);
  process.exitCode = 1;
});
