// One cold start, in a fresh Node process as CloudBase would start one: load the function's
// index.js, answer one invocation, print the timings as one JSON line. Plain JavaScript so that
// nothing but the function itself is loaded. Times are from performance.now(), which counts from
// the process's start.
const { performance } = require('node:perf_hooks');

const [, , entry, openid] = process.argv;
const loadStart = performance.now();
const { main } = require(entry);
const loaded = performance.now();
const context = { request_id: 'bench', environment: JSON.stringify(openid ? { WX_OPENID: openid } : {}) };
main({ action: 'bench.coldStart', payload: {} }, context).then(
  (answer) => {
    const answered = performance.now();
    process.stdout.write(`${JSON.stringify({ ok: answer && answer.ok === false, processToAnswerMs: answered, loadMs: loaded - loadStart, inProcessMs: answered - loadStart })}\n`);
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
