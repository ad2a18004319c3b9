import fs from 'node:fs';
import path from 'node:path';
import { buildMiniprogramNpm, NPM_DIR, type NpmBuildResult } from '../../../scripts/build-miniprogram';

describe('building miniprogram_npm without DevTools', () => {
  let result: NpmBuildResult;
  let files: Set<string>;
  beforeAll(() => {
    result = buildMiniprogramNpm();
    files = new Set(result.files);
  });

  it('starts from the TDesign components the app names in usingComponents', () => {
    expect(result.components).toEqual([
      'tdesign-miniprogram/button/button',
      'tdesign-miniprogram/cell-group/cell-group',
      'tdesign-miniprogram/cell/cell',
      'tdesign-miniprogram/empty/empty',
      'tdesign-miniprogram/skeleton/skeleton',
      'tdesign-miniprogram/tag/tag',
    ]);
  });

  it("follows each component's own components, scripts, styles and wxs", () => {
    for (const file of [
      'tdesign-miniprogram/cell/cell.wxml',
      'tdesign-miniprogram/image/image.js', // cell uses t-image
      'tdesign-miniprogram/loading/loading.json', // button uses t-loading
      'tdesign-miniprogram/icon/icon.wxss',
      'tdesign-miniprogram/common/utils.wxs', // <wxs src>
      'tdesign-miniprogram/common/template/icon.wxml', // <import src>
      'tdesign-miniprogram/common/style/index.wxss', // @import
      'tdesign-miniprogram/common/src/superComponent.js', // js import
      'tdesign-miniprogram/miniprogram_npm/tslib/index.js', // bare import, as WeChat resolves it
    ]) {
      expect([file, files.has(file)]).toEqual([file, true]);
    }
  });

  it('copies nothing the app does not reach', () => {
    for (const unused of ['calendar', 'avatar', 'dialog', 'common/shared']) {
      expect([...files].filter((file) => file.startsWith(`tdesign-miniprogram/${unused}/`))).toEqual([]);
    }
    expect([...files].filter((file) => file.endsWith('.d.ts'))).toEqual([]);
  });

  it('ships CommonJS, which the mini-program runtime executes as is', () => {
    const button = fs.readFileSync(path.join(NPM_DIR, 'tdesign-miniprogram/button/button.js'), 'utf8');
    expect(button).toContain('require("tslib")');
    expect(button).not.toMatch(/^\s*import\b|\bimport\s*\{/m);
  });

  it('ships dayjs and its utc plugin where WeChat resolves require("dayjs") and require("dayjs/plugin/utc")', () => {
    expect(files.has('dayjs/index.js')).toBe(true);
    expect(files.has('dayjs/plugin/utc.js')).toBe(true);
    const dayjs = require(path.join(NPM_DIR, 'dayjs/index.js')) as typeof import('dayjs');
    dayjs.extend(require(path.join(NPM_DIR, 'dayjs/plugin/utc.js')) as typeof import('dayjs/plugin/utc'));
    expect(dayjs('2026-11-30T16:05:00Z').utcOffset(480).format('YYYY-MM-DD HH:mm')).toBe('2026-12-01 00:05');
  });

  it('writes exactly what it reports, and a second run changes nothing', () => {
    const listed = (dir: string): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((entry) => (entry.isDirectory() ? listed(path.join(dir, entry.name)) : [path.relative(NPM_DIR, path.join(dir, entry.name)).split(path.sep).join('/')]));
    const onDisk = listed(NPM_DIR).filter((file) => !file.endsWith('.tmp'));
    expect(onDisk.sort()).toEqual([...files].sort());
    expect(buildMiniprogramNpm()).toEqual(result);
  });
});
