import { FAULTS_SCENARIO, printCasesBench } from './cases.bench';

/** `/aws-cases` with throttled and denying accounts, in its own process (handlers read their env once). */
printCasesBench(FAULTS_SCENARIO);
