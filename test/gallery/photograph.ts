/**
 * The gallery's second half: serves .gallery/ (with TDesign's icons from the local
 * tdesign-icons-svg package), opens each render in Chromium at 375px, photographs it, runs the
 * checks (test/gallery/checks.ts, axe-core's color-contrast), and writes the PNGs, report.json
 * and an index.html to look through. Exits non-zero when a render failed or a check found
 * something not yet in test/gallery/known-findings.json — so a new defect fails CI while the
 * ones still being fixed are listed, by page, in one file.
 *
 * The browser is Debian's chromium (CHROMIUM_PATH overrides where it is).
 */
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { layoutFindings, type Finding } from './checks';

const ROOT = path.resolve(__dirname, '../..');
const resolve = createRequire(__filename).resolve;
const GALLERY_DIR = path.join(ROOT, '.gallery');
const ICONS_DIR = path.join(path.dirname(resolve('tdesign-icons-svg/package.json')), 'src');
const KNOWN_FILE = path.join(__dirname, 'known-findings.json');
const PHONE_WIDTH = 375;
const MIN_TAP = 44;
const MIN_CONTRAST = '4.5:1';

interface Shot {
  id: string;
  scenario: string;
  title: string;
  size: string;
  sizeLabel: string;
  file: string;
  failure?: string;
}

interface Photographed extends Shot {
  png?: string;
  findings: Finding[];
}

const findingKey = (shot: Shot, finding: Finding) => `${shot.id} ${finding.check}: ${finding.target}`;

function serve(): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const url = decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/');
    const file = url.startsWith('/icons/') ? path.join(ICONS_DIR, path.basename(url)) : path.join(GALLERY_DIR, path.normalize(url).replace(/^([/\\])+/, ''));
    if (!file.startsWith(GALLERY_DIR) && !file.startsWith(ICONS_DIR)) return void response.writeHead(403).end();
    fs.readFile(file, (error, body) => {
      if (error) return void response.writeHead(404).end();
      const type = file.endsWith('.svg') ? 'image/svg+xml' : file.endsWith('.html') ? 'text/html; charset=utf-8' : file.endsWith('.png') ? 'image/png' : 'application/octet-stream';
      response.writeHead(200, { 'content-type': type }).end(body);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function indexHtml(shots: Photographed[], known: Set<string>): string {
  const cards = shots
    .map((shot) => {
      const items = shot.findings
        .map((f) => `<li class="${known.has(findingKey(shot, f)) ? 'known' : 'new'}">${escapeHtml(`${f.check}: ${f.target} — ${f.detail}`)}</li>`)
        .join('');
      const picture = shot.png
        ? `<a href="${shot.png}"><img loading="lazy" src="${shot.png}" alt="${escapeHtml(shot.title)}"></a>`
        : `<p class="failed">${escapeHtml(shot.failure ?? '')}</p>`;
      return `<figure><figcaption>${escapeHtml(shot.title)} · ${escapeHtml(shot.sizeLabel)}</figcaption>${picture}<ul>${items}</ul></figure>`;
    })
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>连心桥 · 页面一览</title><style>
body{font-family:'Noto Sans CJK SC',sans-serif;margin:24px;background:#eee}
main{display:flex;flex-wrap:wrap;align-items:flex-start}
figure{width:390px;margin:0 16px 24px 0;background:#fff;padding:8px}
img{width:375px;border:1px solid #ccc}
li{font-size:12px}.known{color:#7a5200}.new{color:#b00020;font-weight:600}.failed{color:#b00020}
</style></head><body><h1>连心桥 · 页面一览</h1><p>每页在 375px 宽的手机上，按字号拍照；下面列出检查发现的问题（红色为新问题）。</p><main>
${cards}
</main></body></html>
`;
}

async function main(): Promise<void> {
  const shots = JSON.parse(fs.readFileSync(path.join(GALLERY_DIR, 'html', 'shots.json'), 'utf8')) as Shot[];
  const known = new Set<string>(fs.existsSync(KNOWN_FILE) ? (JSON.parse(fs.readFileSync(KNOWN_FILE, 'utf8')) as string[]) : []);
  fs.rmSync(path.join(GALLERY_DIR, 'png'), { recursive: true, force: true });
  fs.mkdirSync(path.join(GALLERY_DIR, 'png'), { recursive: true });
  const axeSource = fs.readFileSync(resolve('axe-core/axe.min.js'), 'utf8');

  const server = await serve();
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--font-render-hinting=none'] });
  const results: Photographed[] = [];
  try {
    const context = await browser.newContext({ viewport: { width: PHONE_WIDTH, height: 812 }, deviceScaleFactor: 2, locale: 'zh-CN' });
    // tsx compiles with esbuild's keepNames: functions sent to the page call its `__name` helper.
    await context.addInitScript({ content: 'window.__name = (fn) => fn;' });
    const page = await context.newPage();
    // Nothing leaves the machine: any request not to the gallery's own server is refused.
    await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
    for (const shot of shots) {
      if (shot.failure) {
        results.push({ ...shot, findings: [] });
        continue;
      }
      await page.goto(`http://127.0.0.1:${port}/${shot.file}`, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      const png = `png/${shot.id}.png`;
      await page.screenshot({ path: path.join(GALLERY_DIR, png), fullPage: true });
      const findings = await page.evaluate(layoutFindings, { phoneWidth: PHONE_WIDTH, minTap: MIN_TAP });
      await page.addScriptTag({ content: axeSource });
      const contrast = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run(
                context: Document,
                options: object,
              ): Promise<{ violations: Array<{ nodes: Array<{ target: string[]; any: Array<{ data?: { contrastRatio?: number } }>; html: string }> }> }>;
            };
          }
        ).axe;
        const outcome = await axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast'] } });
        return outcome.violations.flatMap((violation) =>
          violation.nodes.map((node) => {
            const element = document.querySelector(node.target[0] ?? '');
            return { text: (element?.textContent ?? node.html).replace(/\s+/g, ' ').trim().slice(0, 40), ratio: node.any[0]?.data?.contrastRatio ?? 0 };
          }),
        );
      });
      for (const { text, ratio } of contrast) findings.push({ check: 'contrast', target: text, detail: `${ratio}:1, under ${MIN_CONTRAST}` });
      results.push({ ...shot, png, findings });
    }
  } finally {
    await browser.close();
    server.close();
  }

  fs.writeFileSync(path.join(GALLERY_DIR, 'report.json'), `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(path.join(GALLERY_DIR, 'index.html'), indexHtml(results, known));

  const failed = results.filter((shot) => shot.failure);
  const found = results.flatMap((shot) => shot.findings.map((finding) => ({ key: findingKey(shot, finding), finding })));
  const unknown = found.filter(({ key }) => !known.has(key));
  const byCheck = new Map<string, number>();
  for (const { finding } of found) byCheck.set(finding.check, (byCheck.get(finding.check) ?? 0) + 1);
  console.log(`gallery: ${results.length} pictures in ${path.relative(ROOT, GALLERY_DIR)}/index.html`);
  console.log(`findings: ${found.length} (${[...byCheck].map(([check, count]) => `${check} ${count}`).join(', ') || 'none'}), ${found.length - unknown.length} of them known`);
  if (process.argv.includes('--write-known')) {
    fs.writeFileSync(KNOWN_FILE, `${JSON.stringify([...new Set(found.map(({ key }) => key))].sort(), null, 2)}\n`);
    console.log(`wrote ${path.relative(ROOT, KNOWN_FILE)}`);
    return;
  }
  for (const shot of failed) console.error(`render failed: ${shot.id}: ${shot.failure}`);
  for (const { key, finding } of unknown) console.error(`new: ${key} (${finding.detail})`);
  if (failed.length || unknown.length) process.exitCode = 1;
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
