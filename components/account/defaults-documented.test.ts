import * as path from "node:path";
import { expect, test } from "vitest";
import { sourceFilesOf, undocumentedDefaults } from "../../test/support/defaults-documented";

/** The account and monitoring inputs: `*Args`, and the `*Cluster` shapes passed in. */
const INPUTS = /(Args|Cluster)$/;

test("every optional input of the account and monitoring components documents its default and what it does", () => {
  expect(undocumentedDefaults(sourceFilesOf(__dirname), INPUTS)).toEqual([]);
  expect(undocumentedDefaults(sourceFilesOf(path.join(__dirname, "..", "monitoring")), INPUTS)).toEqual([]);
});
