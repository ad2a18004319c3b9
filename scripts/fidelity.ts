/**
 * Runs Tencent's own database test suite for @cloudbase/node-sdk against the local runtime and
 * prints how many of its cases pass: the measure of how closely the runtime answers like CloudBase.
 *
 *   npm run fidelity -- <path to a checkout of the TencentCloudBase/node-sdk repository> [file pattern]
 *
 * The suite is Tencent's and is not part of this project; this script fetches nothing. Get it with
 * `git clone` of the TencentCloudBase/node-sdk repository (GitHub) anywhere on disk and pass its
 * path. Its test/database files run unchanged through this project's @cloudbase/node-sdk (the
 * version the functions use), with their `config.local` pointing at a fresh runtime store in a
 * temporary folder. The suite creates its collections itself (`db.createCollection`); only the
 * 2dsphere indexes its geo cases need are declared here, as its cloud environment must have had
 * them (an index cannot be made through the SDK). Cases that need cloud storage, cloud functions
 * or WeChat are skipped, and named.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import type { CollectionSpec } from '../infra/database';
import { systemClock } from '../miniprogram/shared/domain/time';
import { openDatabase } from '../runtime/database';
import { applySdkEnvironment } from '../runtime/functions/sdkEnvironment';

const nodeRequire = createRequire(__filename);

/** The suite's geo collections, with the 2dsphere index each geo case queries through. */
const SUITE_GEO_INDEXES: readonly CollectionSpec[] = [
  { name: 'attractions', indexes: [{ name: 'location_2dsphere', keys: [{ field: 'location', direction: '2dsphere' }] }], rule: { read: false, write: false } },
  { name: 'db-test-geo-advanced', indexes: [{ name: 'point_2dsphere', keys: [{ field: 'point', direction: '2dsphere' }] }], rule: { read: false, write: false } },
];

/**
 * Cases that cannot run offline, by file and name pattern, each with why. Tencent's test/database
 * suite currently needs none of cloud storage, cloud functions or WeChat; the list stays so that a
 * newer suite's such cases are skipped by name, never counted as failures.
 */
const SKIPPED: ReadonlyArray<{ file: RegExp; name: RegExp; reason: string }> = [];

const USAGE = [
  'usage: npm run fidelity -- <path to a checkout of TencentCloudBase/node-sdk>',
  '',
  'The suite is not part of this project and is not downloaded by this script: clone the',
  'TencentCloudBase/node-sdk repository (GitHub) with git, then pass the folder that holds its test/database.',
].join('\n');

interface CaseResult {
  file: string;
  name: string;
  status: string;
  failure?: string;
}

async function main(): Promise<void> {
  const checkout = process.argv[2];
  if (checkout === undefined || !existsSync(join(checkout, 'test', 'database'))) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const suite = resolve(checkout);
  const projectRoot = resolve(__dirname, '..');
  const work = mkdtempSync(join(tmpdir(), 'lxq-fidelity-'));
  // The runtime's clock is the machine's here: the suite compares server dates with its own reading of the time.
  const engine = await openDatabase({ dataDir: join(work, 'data'), schema: SUITE_GEO_INDEXES, clock: systemClock });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      if (process.env.FIDELITY_VERBOSE !== undefined) console.error('request', body.action);
      void engine.handle(body).then((answer) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer));
      });
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const adminUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin`;
  applySdkEnvironment(adminUrl, 'fidelity');
  // The suite builds dates as local time (new Date('1997/10/10')) and expects them in China's zone.
  process.env.TZ = 'Asia/Shanghai';

  const sdk = nodeRequire.resolve('@cloudbase/node-sdk');
  const sdkDatabase = join(dirname(nodeRequire.resolve('@cloudbase/node-sdk/package.json')), 'node_modules', '@cloudbase', 'database');
  writeFileSync(join(work, 'config.local.js'), `module.exports = ${JSON.stringify({ env: 'fidelity', secretId: 'local', secretKey: 'local', serviceUrl: adminUrl })};\n`);
  // power-assert is node's assert with nicer messages; like the old assert it is built on, a
  // comparison given one argument compares it with undefined (the suite has such a call).
  writeFileSync(
    join(work, 'power-assert.js'),
    [
      "const base = require('node:assert');",
      'const assert = (...args) => base(...args);',
      'Object.assign(assert, base);',
      "for (const name of ['equal', 'notEqual', 'strictEqual', 'notStrictEqual', 'deepEqual', 'notDeepEqual', 'deepStrictEqual', 'notDeepStrictEqual']) {",
      '  assert[name] = (actual, expected, message) => base[name](actual, expected, message);',
      '}',
      'module.exports = assert;',
    ].join('\n'),
  );
  // The suite imports bson 4's `ObjectID`; this project has bson 6, which spells it `ObjectId`.
  writeFileSync(join(work, 'bson.js'), `const bson = require(${JSON.stringify(nodeRequire.resolve('bson'))});\nmodule.exports = { ...bson, ObjectID: bson.ObjectId };\n`);
  // Compiled as the suite was (no esModuleInterop: `import * as assert` is the callable module), so
  // `import tcb from '…/src/index'` reads a `default` the SDK's CommonJS build does not have: a shim adds it.
  writeFileSync(
    join(work, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'es2019', module: 'commonjs', esModuleInterop: false, allowJs: true, isolatedModules: true } }),
  );
  writeFileSync(join(work, 'sdk.js'), `const sdk = require(${JSON.stringify(sdk)});\nmodule.exports = { ...sdk, default: sdk };\n`);
  // The suite was written for jest 23, which let a describe() callback be async (its tests are still
  // declared before the first await); today's jest refuses the returned promise, so it is dropped.
  writeFileSync(
    join(work, 'jest23-describe.js'),
    [
      'const original = global.describe;',
      'const wrap = (define) => (name, fn, ...rest) => define(name, typeof fn === "function" ? function () { void fn.call(this); } : fn, ...rest);',
      'global.describe = Object.assign(wrap(original), original, { only: wrap(original.only), skip: original.skip });',
    ].join('\n'),
  );
  const skipPattern = SKIPPED.map((skip) => skip.name.source).join('|');
  const config = {
    rootDir: suite,
    roots: [join(suite, 'test', 'database')],
    testMatch: ['**/*.test.ts'],
    // An optional second argument runs only the suite files whose path matches it.
    ...(process.argv[3] !== undefined && { testRegex: process.argv[3], testMatch: undefined }),
    testEnvironment: 'node',
    transform: { '^.+\\.tsx?$': [nodeRequire.resolve('ts-jest'), { tsconfig: join(work, 'tsconfig.json'), diagnostics: false }] },
    setupFilesAfterEnv: [join(work, 'jest23-describe.js')],
    // Some suite files import the SDK's TypeScript sources (@cloudbase/database/src/…), as its own jest config allows.
    transformIgnorePatterns: ['/node_modules/(?!@cloudbase)'],
    // The suite has no node_modules of its own: this project's serve as a fallback (like NODE_PATH).
    modulePaths: [join(projectRoot, 'node_modules')],
    moduleNameMapper: {
      '^(\\.\\./)+src/index$': join(work, 'sdk.js'),
      '(^|/)config\\.local$': join(work, 'config.local.js'),
      '^power-assert$': join(work, 'power-assert.js'),
      '^bson$': join(work, 'bson.js'),
      // The database layer the SDK itself loads (node-sdk pins its own version beside it).
      '^@cloudbase/database$': sdkDatabase,
      '^@cloudbase/database/(.*)$': `${sdkDatabase}/$1`,
    },
    moduleFileExtensions: ['ts', 'js', 'json'],
  };

  let cases: CaseResult[];
  try {
    const { runCLI } = nodeRequire('jest') as typeof import('jest');
    const { results } = await runCLI(
      {
        config: JSON.stringify(config),
        runInBand: true,
        silent: process.env.FIDELITY_VERBOSE === undefined,
        testTimeout: 60_000,
        ...(skipPattern && { testNamePattern: `^(?!.*(${skipPattern}))` }),
        _: [],
        $0: 'fidelity',
      },
      [suite],
    );
    cases = results.testResults.flatMap((file) => {
      const path = relative(suite, file.testFilePath);
      const broken: CaseResult[] = file.testExecError ? [{ file: path, name: '(the file did not run)', status: 'failed', failure: file.testExecError.message }] : [];
      return [...broken, ...file.testResults.map((test) => ({ file: path, name: test.fullName, status: test.status, failure: test.failureMessages[0] }))];
    });
  } finally {
    await engine.close();
    server.close();
    rmSync(work, { recursive: true, force: true });
  }
  report(cases);
}

function report(cases: CaseResult[]): void {
  const passed = cases.filter((c) => c.status === 'passed');
  const failed = cases.filter((c) => c.status === 'failed');
  const notRun = cases.length - passed.length - failed.length;
  console.log('\nTencent node-sdk test/database against the local runtime');
  const files = [...new Set(cases.map((c) => c.file))].sort();
  for (const file of files) {
    const inFile = cases.filter((c) => c.file === file);
    console.log(`  ${file}: ${inFile.filter((c) => c.status === 'passed').length} passed, ${inFile.filter((c) => c.status === 'failed').length} failed`);
  }
  for (const skip of SKIPPED) console.log(`  skipped ${skip.file.source} / ${skip.name.source}: ${skip.reason}`);
  if (failed.length > 0) {
    console.log('\nFailures:');
    for (const c of failed) console.log(`  ✕ ${c.file} › ${c.name}\n      ${(c.failure ?? '').split('\n').find((line) => line.trim() !== '') ?? ''}`);
  }
  console.log(`\n${passed.length} of ${passed.length + failed.length} attempted cases pass (${failed.length} fail; ${notRun} skipped by the suite itself).`);
  if (failed.length > 0) process.exitCode = 1;
}

void main();
