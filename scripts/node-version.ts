/**
 * The one Node.js version of the project, declared in .nvmrc (what nvm and CI install) and read
 * from there by everything else: the esbuild target of the cloud functions, the CloudBase runtime
 * they are deployed to, and package.json's `engines` (checked by test/scripts/node-version.test.ts).
 *
 * 20.19 because CloudBase's `Nodejs20.19` is generally available, while its 22 and 24 runtimes are
 * public beta; it is also the line the developers' machines and CI run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const NVMRC = /^(\d+)\.(\d+)$/;

export interface NodeVersion {
  major: number;
  minor: number;
}

export function nodeVersion(text = readFileSync(join(ROOT, '.nvmrc'), 'utf8')): NodeVersion {
  const match = NVMRC.exec(text.trim());
  if (!match) throw new Error(`.nvmrc must name a major.minor Node.js version such as 20.19, not ${JSON.stringify(text.trim())}`);
  return { major: Number(match[1]), minor: Number(match[2]) };
}

/** CloudBase's runtime string for the version, e.g. `Nodejs20.19` (CloudBase's names are exact). */
export function cloudBaseRuntime(version = nodeVersion()): string {
  return `Nodejs${version.major}.${version.minor}`;
}

/** esbuild's target for the version, e.g. `node20.19`. */
export function esbuildTarget(version = nodeVersion()): string {
  return `node${version.major}.${version.minor}`;
}

/** The `engines.node` range package.json must declare: this minor or a later one of the same major. */
export function enginesRange(version = nodeVersion()): string {
  return `>=${version.major}.${version.minor} <${version.major + 1}`;
}
