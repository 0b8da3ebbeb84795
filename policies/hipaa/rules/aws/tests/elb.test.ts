import cases from "./elb.cases";
import { describeService } from "./support";

describeService(cases);
