import { printCasesBench, SCALE_SCENARIO } from './cases.bench';

/** `/aws-cases` over 1,000 accounts with throttled and denying accounts, in its own process (env read once). */
printCasesBench(SCALE_SCENARIO);
