// Test-only: loads TypeScript sources the way the Pulumi CLI's TypeScript support would (transpiled on
// require, no type check), so the pack entry can run in a child process without a prior build.
"use strict";
const fs = require("node:fs");
const ts = require("typescript");

require.extensions[".ts"] = function loadTypeScript(module, filename) {
  const output = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      resolveJsonModule: true,
      inlineSourceMap: true,
    },
  });
  module._compile(output.outputText, filename);
};
