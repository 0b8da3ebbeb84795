import cases from "./network.cases";
import { describeService } from "./support";

describeService(cases);
