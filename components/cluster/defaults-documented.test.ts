import { expect, test } from "vitest";
import { sourceFilesOf, undocumentedDefaults } from "../../test/support/defaults-documented";

test("every optional input of the cluster components documents its default and what it does", () => {
  expect(undocumentedDefaults(sourceFilesOf(__dirname, ["test-programs.ts"]))).toEqual([]);
});
