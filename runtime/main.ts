/** `npm start`: the local CloudBase runtime with demo data, on 127.0.0.1:$PORT (default 3900). */
import { performance } from 'node:perf_hooks';
import { describeStore } from './database';
import { StoreLockedError } from './database/lock';
import { DEMO_RESIDENT_OPENID, DEMO_STAFF_ACCOUNTS } from './seed/demoData';
import { seedIfEmpty } from './seed';
import { DEMO_HANDLER_ACCOUNTS } from './seed/demoCasework';
import { DEMO_BINDING_CODE, DEMO_BOUND_DEPUTY_ID } from './seed/demoOpinions';
import { DEMO_DUTY_ACCOUNT } from './seed/demoDuty';
import { DEMO_DEPUTY_ACCOUNTS, DEMO_SUGGESTION_RESIDENT, DEMO_UNIT_ACCOUNTS } from './seed/demoSuggestions';
import { configFromEnv } from './config';
import { startRuntime } from './server';

async function main(): Promise<void> {
  // The demo is seeded before the plan's limits apply: seeding is no traffic of the plan's.
  const limits = configFromEnv().limits;
  const runtime = await startRuntime({ limits: {} });
  const seed = await seedIfEmpty(runtime.config.envId, runtime.clock.now());
  runtime.gate.apply(limits);
  const { url } = runtime;
  console.log(`连心桥 local CloudBase runtime listening on ${url}`);
  console.log(`  clock: ${runtime.clock.describe()}${runtime.config.clock.at ? '' : ' (LXQ_NOW=2027-02-15T09:00+08:00 npm start runs the demo at another instant)'}`);
  console.log(`  staff console: ${url}/console/ (sign in by scanning; without a phone: npm run console:confirm -- <scene shown under the code>)`);
  console.log(`  token for /admin and /outbox: ${runtime.token} (header x-lxq-runtime-token; LXQ_RUNTIME_TOKEN sets a fixed one)`);
  console.log(`  data: ${runtime.config.dataDir}${seed.seeded ? ` (demo data seeded: ${JSON.stringify(seed.counts)})` : ''}`);
  const loading = runtime.database.reportSoFar().notLoaded.length;
  if (loading > 0)
    console.log(`  store: ${loading} collection(s) load in the background, each at once when first asked for; what loading finds is printed here and shown in /health`);
  if (Object.keys(limits).length > 0) console.log(`  plan limits enforced: ${JSON.stringify(limits)} (GET ${url}/limits counts what they refused)`);
  console.log(`  demo resident identity: header x-wx-openid: ${DEMO_RESIDENT_OPENID}`);
  console.log(`  demo staff identities: ${DEMO_STAFF_ACCOUNTS.map((a) => `${a._id} (${a.staff.role})`).join(', ')}`);
  console.log(`  demo department handlers: ${DEMO_HANDLER_ACCOUNTS.map((a) => `${a._id} (${a.staff.departmentName})`).join(', ')}`);
  console.log('  demo resident with an answer to rate: demo-resident-104 (opinion.getMine {"opinionId":"case-demo-04"})');
  console.log(`  demo deputy binding code: ${DEMO_BINDING_CODE} (陈建华 ${DEMO_BOUND_DEPUTY_ID}; account.bindDeputy, works once per fresh data folder)`);
  console.log(
    `  代表建议: deputies ${DEMO_DEPUTY_ACCOUNTS.map((a) => `${a._id} (${a.deputy.name})`).join(', ')}; units ${DEMO_UNIT_ACCOUNTS.map((a) => `${a._id} (${a.staff.departmentName})`).join(', ')}; staff demo-staff-city; a resident whose opinion went into a suggestion: ${DEMO_SUGGESTION_RESIDENT}`,
  );
  console.log(`  代表履职: deputy ${DEMO_DUTY_ACCOUNT} (周小燕, a year of record and a finished 述职评议); staff demo-staff-city decide what waits`);
  console.log('  try:');
  console.log(`    curl -s -X POST ${url}/fn/directory -H 'content-type: application/json' -d '{"action":"directory.listStations","payload":{}}'`);
  console.log(`    curl -s -X POST ${url}/fn/directory -H 'content-type: application/json' -d '{"action":"directory.getDeputy","payload":{"deputyId":"dp-001"}}'`);
  console.log(
    `    curl -s -X POST ${url}/fn/account -H 'content-type: application/json' -H 'x-wx-openid: ${DEMO_RESIDENT_OPENID}' -d '{"action":"account.getProfile","payload":{}}'`,
  );
  void runtime.database.loadAll().then((report) => {
    const documents = report.collections.reduce((sum, collection) => sum + collection.documents, 0);
    if (loading > 0)
      console.log(`[runtime] store loaded: ${documents} documents in ${report.collections.length} collections, ${(performance.now() / 1000).toFixed(1)} s after start`);
    for (const line of describeStore(report)) console.log(`  ${line}`);
  });
  const shutdown = () => {
    runtime.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof StoreLockedError ? `连心桥 local runtime not started: ${error.message}` : error);
  process.exit(1);
});
