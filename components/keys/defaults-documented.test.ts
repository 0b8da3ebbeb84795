import { expect, test } from "vitest";
import { INPUT_INTERFACES, sourceFilesOf, undocumentedDefaults } from "../../test/support/defaults-documented";

test("every optional input of the keys documents its default and what it does", () => {
  expect(undocumentedDefaults(sourceFilesOf(__dirname), INPUT_INTERFACES)).toEqual([]);
});
