#!/usr/bin/env node
"use strict";
const { main } = require("../dist/cli/main.js");
const { hideBin } = require("yargs/helpers");

main(hideBin(process.argv)).then((code) => {
  // Flush stdout before exiting: a hung program's timers must not keep the gate alive.
  process.stdout.write("", () => process.exit(code));
});
