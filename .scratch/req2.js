const m = process.argv[2];
const t0 = process.hrtime.bigint();
require(m);
console.log(m, Number(process.hrtime.bigint() - t0) / 1e6);
