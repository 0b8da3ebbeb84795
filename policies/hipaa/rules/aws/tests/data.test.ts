import cases from "./data.cases";
import { describeService } from "./support";

describeService(cases);
