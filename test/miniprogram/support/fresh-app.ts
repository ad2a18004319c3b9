/**
 * A freshly launched app's modules for tests that drive models directly: a new module
 * registry each time, so module state (the font size in force, listeners) never leaks
 * between tests, with the back end chosen as app.ts would at launch.
 */
import path from 'node:path';
import type { Backend } from '../../../miniprogram/config';

const MINIPROGRAM = path.resolve(__dirname, '../../../miniprogram');

export function freshApp<M>(modulePath: string, backend: Backend = 'cloud'): M {
  let loaded: M | undefined;
  jest.isolateModules(() => {
    (require(path.join(MINIPROGRAM, 'services/api')) as typeof import('../../../miniprogram/services/api')).useBackend(backend);
    loaded = require(path.join(MINIPROGRAM, modulePath)) as M;
  });
  return loaded as M;
}
