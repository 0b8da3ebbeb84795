import { logging, trailsWithoutDataEvents, trailsWithUnknownSelectors } from "./logging.cases";
import { describeService } from "./support";

describeService(logging);
describeService(trailsWithoutDataEvents);
describeService(trailsWithUnknownSelectors);
