/** API Gateway (REST APIs, v1): stages and the method settings that configure them. */
import type { PolicyResource } from "@pulumi/policy";
import { peekString } from "./props";
import { ofType } from "./stack";

export const REST_API = "aws:apigateway/restApi:RestApi";
export const STAGE = "aws:apigateway/stage:Stage";
export const METHOD_SETTINGS = "aws:apigateway/methodSettings:MethodSettings";
export const DOMAIN_NAME = "aws:apigateway/domainName:DomainName";

/** The method path that applies settings to every method of a stage. */
export const ALL_METHODS = "*/*";

function dependencyUrns(resource: PolicyResource, property: string): string[] {
  return (resource.propertyDependencies[property] ?? []).map((d) => d.urn);
}

/** True when both resources' `restApi` inputs name the same REST API (by reference or literal id). */
function sameRestApi(a: PolicyResource, b: PolicyResource): boolean {
  const fromA = dependencyUrns(a, "restApi");
  const fromB = dependencyUrns(b, "restApi");
  if (fromA.length > 0 || fromB.length > 0) return fromA.some((u) => fromB.includes(u));
  const literal = peekString(a.props, "restApi");
  return literal !== undefined && literal === peekString(b.props, "restApi");
}

/**
 * The MethodSettings resources of a stage: their `stageName` was computed from the stage
 * (`stageName: stage.stageName`), or names it literally on the same REST API.
 */
export function stageMethodSettings(resources: readonly PolicyResource[], stage: PolicyResource): PolicyResource[] {
  return ofType(resources, METHOD_SETTINGS).filter((ms) => {
    if (dependencyUrns(ms, "stageName").includes(stage.urn)) return true;
    const name = peekString(ms.props, "stageName");
    return name !== undefined && name === peekString(stage.props, "stageName") && sameRestApi(ms, stage);
  });
}

/** The REST API resources a stage's `restApi` input refers to. */
export function stageRestApis(resources: readonly PolicyResource[], stage: PolicyResource): PolicyResource[] {
  const urns = dependencyUrns(stage, "restApi");
  return ofType(resources, REST_API).filter((api) => urns.includes(api.urn));
}
