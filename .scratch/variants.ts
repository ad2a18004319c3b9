import { build } from 'esbuild';
import { statSync } from 'node:fs';
const names = ['opinion', 'casework', 'directory'];
async function main() {
  for (const name of names) {
    for (const [label, opts] of [
      ['ext', { minify: true, external: ['@cloudbase/node-sdk'] }],
      ['bundled', { minify: true, external: [] }],
    ] as const) {
      const outfile = `/tmp/variants/${name}-${label}/index.js`;
      const r = await build({ entryPoints: [`cloudfunctions/${name}/index.ts`], outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', ...opts, legalComments: 'none', logLevel: 'error', metafile: true });
      console.log(name, label, statSync(outfile).size);
    }
  }
}
main();
