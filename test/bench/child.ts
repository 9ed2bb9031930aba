// One bench scenario in its own process, so its peak memory is its own (the runner reads the
// JSON line this prints). `tsx test/bench/child.ts <scenario> '<json args>'`.
import { peakRssMb } from './lib/measure.js';
import { SCENARIOS } from './scenarios/index.js';

const [name, json] = process.argv.slice(2);
const scenario = name ? SCENARIOS[name] : undefined;
if (!scenario) {
  process.stderr.write(`unknown scenario ${name}; known: ${Object.keys(SCENARIOS).join(', ')}\n`);
  process.exit(2);
}
const result = await scenario(JSON.parse(json ?? '{}') as Record<string, unknown>);
process.stdout.write(`BENCH_RESULT ${JSON.stringify({ ...result, peakRssMb: peakRssMb() })}\n`);
// Let the output drain, then end even when a library left a handle open.
process.stdout.write('', () => process.exit(0));
