// Process entry of the `caseload` command (bin/caseload.mjs loads this).
import { processIO, runCli } from './index.js';

const code = await runCli(process.argv.slice(2), processIO());
// Let stdout drain before exiting (large dumps into a pipe).
process.stdout.write('', () => process.exit(code));
