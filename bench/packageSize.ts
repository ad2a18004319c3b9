import { MAIN_PACKAGE_BUDGET_BYTES, mainPackageSize } from '../scripts/miniprogram-size';

/** The main package as WeChat counts it, and its largest files. */
export function measurePackageSize(): Array<[string, string, string]> {
  const size = mainPackageSize();
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  return [['main package', kb(size.bytes), kb(MAIN_PACKAGE_BUDGET_BYTES)], ...size.files.slice(0, 5).map((f): [string, string, string] => [`  ${f.file}`, kb(f.bytes), ''])];
}
