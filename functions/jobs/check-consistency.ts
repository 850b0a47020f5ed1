import { loadConfig } from '../config.js';
import { checkConsistency } from '../db/consistency.js';
import { buildRuntime } from '../runtime.js';

/**
 * `npm run check:consistency`: proves I1, I2, I3 and I5 for the table named by TABLE_NAME
 * (DYNAMODB_ENDPOINT for DynamoDB Local). Exits 1 and names every offending item otherwise.
 * Run it while no bookings are in flight: a scan is not a snapshot.
 */
const { table } = buildRuntime(loadConfig(process.env, 'tool'), 'tool');
const { checked, problems } = await checkConsistency(table);
for (const p of problems) console.error(`${p.invariant}  ${p.item}  ${p.message}`);
console.log(`${checked} items checked, ${problems.length === 0 ? 'consistent' : `${problems.length} problems`}`);
process.exitCode = problems.length === 0 ? 0 : 1;
