import * as path from "node:path";
import { expect, test } from "vitest";
import { INPUT_INTERFACES, sourceFilesOf, undocumentedDefaults } from "../../test/support/defaults-documented";

test("every optional input of the network documents its default and what it does", () => {
  expect(undocumentedDefaults([...sourceFilesOf(__dirname), path.join(__dirname, "..", "tags.ts")], INPUT_INTERFACES)).toEqual([]);
});
