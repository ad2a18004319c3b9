const t0 = process.hrtime.bigint();
require(process.argv[2]);
const t1 = process.hrtime.bigint();
console.log(Number(t1 - t0) / 1e6);
