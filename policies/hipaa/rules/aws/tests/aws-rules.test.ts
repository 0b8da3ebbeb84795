/** Every AWS rule, service by service (one planned program each), in one test file to share module loading. */
import analytics from "./analytics.cases";
import apigateway from "./apigateway.cases";
import { backup, backupByTag, backupUnknownSelection } from "./backup.cases";
import buildAndMigration from "./build-and-migration.cases";
import data from "./data.cases";
import dataServices from "./data-services.cases";
import ec2 from "./ec2.cases";
import elb from "./elb.cases";
import iam from "./iam.cases";
import kms from "./kms.cases";
import lambda from "./lambda.cases";
import { logging, trailsWithoutDataEvents, trailsWithUnknownSelectors } from "./logging.cases";
import network from "./network.cases";
import rds from "./rds.cases";
import s3 from "./s3.cases";
import { describeService } from "./support";
import workloads from "./workloads.cases";

for (const service of [
  kms,
  network,
  ec2,
  s3,
  rds,
  data,
  logging,
  trailsWithoutDataEvents,
  trailsWithUnknownSelectors,
  backup,
  backupByTag,
  backupUnknownSelection,
  iam,
  elb,
  lambda,
  apigateway,
  buildAndMigration,
  dataServices,
  analytics,
  workloads,
]) {
  describeService(service);
}
