import { ALL_METHODS, STAGE, stageMethodSettings } from "./lib/apigateway";
import { forEachDeferred, ofType } from "./lib/stack";
import { stackRule } from "./lib/rule";

export default stackRule({
  name: "apigateway-stage-cache-encrypted",
  description:
    "API Gateway REST API stages that cache responses encrypt the cache: with cacheClusterEnabled, a MethodSettings for methodPath '*/*' and every MethodSettings that enables caching set cacheDataEncrypted: true. (Unlike cdk-nag, caching itself is not required: an uncached PHI response is not a risk.)",
  enforcementLevel: "mandatory",
  hipaa: ["164.312(a)(2)(iv)", "164.312(e)(2)(ii)"],
  remediation:
    "Set `settings: { cachingEnabled: true, cacheDataEncrypted: true }` on the stage's `aws.apigateway.MethodSettings` with `methodPath: \"*/*\"` (and on every other one that enables caching), or turn `cacheClusterEnabled` off.",
  controls: {
    awsConfig: ["API_GW_CACHE_ENABLED_AND_ENCRYPTED"],
    cdkNag: ["HIPAA.Security-APIGWCacheEnabledAndEncrypted"],
    checkov: ["CKV_AWS_308"],
  },
  resourceTypes: [STAGE],
  check: (args, report) => {
    forEachDeferred(ofType(args.resources, STAGE), (stage) => {
      const settings = stageMethodSettings(args.resources, stage);
      const caching = settings.filter((ms) => ms.props.settings?.cachingEnabled === true);
      if (stage.props.cacheClusterEnabled !== true && caching.length === 0) return;
      for (const ms of caching) {
        if (ms.props.settings?.cacheDataEncrypted !== true) {
          report(`method settings '${ms.name}' (methodPath '${String(ms.props.methodPath)}') cache responses without cacheDataEncrypted.`, stage.urn);
        }
      }
      if (stage.props.cacheClusterEnabled === true) {
        const all = settings.filter((ms) => ms.props.methodPath === ALL_METHODS);
        if (!all.some((ms) => ms.props.settings?.cacheDataEncrypted === true)) {
          report(`the stage has a cache cluster, but no MethodSettings for methodPath '${ALL_METHODS}' sets cacheDataEncrypted: true.`, stage.urn);
        }
      }
    });
  },
});
