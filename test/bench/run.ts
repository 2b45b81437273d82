import { benchAck } from './ack.bench';
import { benchBundles } from './bundles.bench';
import { benchCases } from './cases.bench';

/** `npm run bench`: prints figures; asserts nothing about time (the machine may be busy). */
async function main(): Promise<void> {
  console.log(`# aws-chatops benchmarks — Node ${process.version}, ${new Date().toISOString()}`);
  await benchAck();
  await benchCases();
  await benchBundles();
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
