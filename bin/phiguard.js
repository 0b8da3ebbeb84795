#!/usr/bin/env node
"use strict";
// V8 flags first (they are part of the code cache's tag), then the cache: every module after
// these is compiled through it.
require("../dist/cli/planner/heap.js").exposeGarbageCollector();
require("../dist/cli/compile-cache.js").enableCompileCache(require("node:path").join(__dirname, ".."));
const { main } = require("../dist/cli/main.js");
const { hideBin } = require("yargs/helpers");

let settled = false;
// Fail closed: if the event loop empties before a verdict (a program awaiting nothing that can
// settle), that is an error, never a silent exit 0.
process.on("beforeExit", () => {
  if (!settled) {
    process.stderr.write("phiguard: error: the run ended before a verdict (the program awaited something that can never settle)\n");
    process.exit(2);
  }
});

main(hideBin(process.argv)).then((code) => {
  settled = true;
  // Exit explicitly once stdout is flushed: a hung program's timers must not keep the gate alive.
  process.stdout.write("", () => process.exit(code));
});
