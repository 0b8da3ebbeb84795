import cases from "./ec2.cases";
import { describeService } from "./support";

describeService(cases);
