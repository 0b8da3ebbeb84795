import * as aws from "@pulumi/aws";
import type { PolicyResource } from "@pulumi/policy";
import { expect, test } from "vitest";
import { PlanIndex } from "./args";
import { stackResources } from "./stack-resources";
import { clinicPlan } from "./test-support/plans";

/** The key order of the server's literal, then the provider and parent it adds. */
const SERVER_ORDER = ["type", "props", "urn", "name", "opts", "dependencies", "propertyDependencies", "isType", "asType", "provider", "parent"];

const build = () => stackResources(new PlanIndex(clinicPlan()));
const withAll = (resources: PolicyResource[]) => resources.find((r) => r.provider !== undefined && r.parent !== undefined) as PolicyResource;

test("a stack rule's resource shows the server's keys, in its order, computed on first sight", () => {
  const resource = withAll(build());
  expect(Object.keys(resource)).toEqual(SERVER_ORDER);
  expect(Reflect.ownKeys(resource).filter((k) => typeof k === "symbol")).toEqual([]);
  expect(Object.getOwnPropertyDescriptor(resource, "opts")).toMatchObject({ writable: true, enumerable: true, configurable: true });
  expect({ ...resource }.props).toBe(resource.props);
});

test("links point at the other resources of the same rule, and the type checks work detached", () => {
  const resources = build();
  const urns = new Set(resources);
  for (const r of resources) {
    if (r.parent) expect(urns.has(r.parent)).toBe(true);
    for (const d of r.dependencies) expect(urns.has(d)).toBe(true);
    for (const ds of Object.values(r.propertyDependencies)) for (const d of ds) expect(urns.has(d)).toBe(true);
  }
  const bucket = resources.find((r) => r.type === "aws:s3/bucket:Bucket") as PolicyResource;
  const { isType, asType } = bucket;
  expect(isType(aws.s3.Bucket)).toBe(true);
  expect(isType(aws.kms.Key)).toBe(false);
  expect(asType(aws.s3.Bucket)).toBe(bucket.props);
  expect(asType(aws.kms.Key)).toBeUndefined();
  const unprovided = resources.find((r) => !("provider" in r));
  if (unprovided) expect(Object.keys(unprovided)).not.toContain("provider");
});

test("a rule's writes and deletes replace a field, and never reach the next rule's resources", () => {
  const first = build();
  const resource = withAll(first);
  resource.props = { replaced: true };
  delete (resource as Partial<PolicyResource>).opts;
  expect(resource.props).toEqual({ replaced: true });
  expect("opts" in resource).toBe(false);
  expect(Object.keys(resource)).toEqual(SERVER_ORDER.filter((k) => k !== "opts"));
  const next = withAll(build());
  expect(next.urn).toBe(resource.urn);
  expect("replaced" in next.props).toBe(false);
  expect(next.opts).toBeDefined();
});
