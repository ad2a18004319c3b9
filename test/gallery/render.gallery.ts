/** @jest-environment jsdom */
/**
 * The gallery's first half: opens every scenario (test/gallery/scenarios.ts) on the real pages
 * against the local runtime's demo data, at each text size, and writes each render as an HTML
 * document (test/gallery/html.ts) into .gallery/html/, with a list of what was written.
 * test/gallery/photograph.ts then photographs and checks them in Chromium.
 */
import fs from 'node:fs';
import path from 'node:path';
import { FONT_SCALE_STORAGE_KEY } from '../../miniprogram/stores/font-scale';
import type { FontScale } from '../../miniprogram/shared/domain/account';
import { DEMO_BINDING_CODE } from '../../runtime/seed/demoOpinions';
import { startPageRuntime, type PageRuntime } from '../miniprogram/support/local-runtime';
import { openPage, type PageDriver } from '../miniprogram/support/page';
import { callAs } from '../miniprogram/support/runtime-calls';
import { installDevice } from '../miniprogram/support/wx-device';
import { installDialogs, queryOf } from '../miniprogram/support/wx-dialogs';
import { installWx, localRuntimeFunctions } from '../miniprogram/support/wx-double';
import { appStyles, pageDocument, rpxToPx } from './html';
import { classForwardedToTDesign, iconTemplatesInline } from './wxml';
import { DEPUTY, NEWS_READER, NEWS_RESIDENT, SCENARIOS, type ScenarioContext } from './scenarios';

const ROOT = path.resolve(__dirname, '../..');
export const GALLERY_DIR = path.join(ROOT, '.gallery');
const SIZES: readonly FontScale[] = ((process.env.GALLERY_SIZES ?? 'standard,extraLarge').split(',') as FontScale[]).filter(Boolean);
/** GALLERY_ONLY=deputy-inbox,staff-cases renders just those scenarios (and their variants), to look at one change. */
const ONLY = (process.env.GALLERY_ONLY ?? '').split(',').filter(Boolean);
const CHOSEN = SCENARIOS.filter((scenario) => ONLY.length === 0 || ONLY.some((id) => scenario.id.startsWith(id)));
const SIZE_LABELS: Record<FontScale, string> = { standard: '标准', large: '大', extraLarge: '特大' };
/** The components of ours that share the app's styles (styleIsolation apply-shared), besides the page itself. */
const SHARING_APP_STYLES = ['main', 'privacy-popup', 'page-state', 'load-more', 'opinion-timeline', 'booking-code', 'person-photo', 'case-card', 'count-tabs', 'suggestion-card'];

interface SimulateInternals {
  utils: { transformRpx(css: string): string; readFile(file: string): string | null; galleryAware?: boolean };
  wxss: { compile(wxss: string, options: { prefix: string }): string };
}

/**
 * Two things simulate does differently from WeChat, put right for the pictures: rpx is 0.5px on
 * a 375px phone (simulate makes it 1px), and a class written on a TDesign component
 * (`<t-button class="font-scale__option">`) reaches the component's root (TDesign forwards it as
 * its external class `t-class`; simulate drops it).
 */
function simulateLikeWeChat(): SimulateInternals {
  const utils = jest.requireActual<SimulateInternals['utils']>('miniprogram-simulate/src/utils');
  const wxss = jest.requireActual<SimulateInternals['wxss']>('miniprogram-simulate/src/wxss');
  if (!utils.galleryAware) {
    utils.transformRpx = rpxToPx;
    const readFile = utils.readFile;
    utils.readFile = (file: string) => {
      const content = readFile(file);
      if (!content || !file.endsWith('.wxml')) return content;
      if (file.includes('miniprogram_npm')) return iconTemplatesInline(content);
      return classForwardedToTDesign(content);
    };
    utils.galleryAware = true;
  }
  return { utils, wxss };
}

let runtime: PageRuntime;
beforeAll(async () => {
  fs.rmSync(path.join(GALLERY_DIR, 'html'), { recursive: true, force: true });
  fs.mkdirSync(path.join(GALLERY_DIR, 'html'), { recursive: true });
  runtime = await startPageRuntime();
  await callAs(runtime.url, DEPUTY, 'account.bindDeputy', { code: DEMO_BINDING_CODE });
  // News that found no subscribe-message acceptance: it waits in 我的消息, and home shows the badge.
  for (const resident of [NEWS_RESIDENT, NEWS_READER]) {
    const { opinionId } = await callAs(runtime.url, resident, 'opinion.submit', {
      clientRequestId: `gallery-news-${resident}`,
      target: { deputyId: 'dp-001' },
      category: 'transport',
      text: '小区门口的公交站台没有遮雨棚，下雨天老人候车很不方便。',
    });
    await callAs(runtime.url, DEPUTY, 'opinion.reply', { opinionId, text: '您好，已联系区交通运输局，站台遮雨棚列入今年改造计划，预计下月动工。' });
  }
});
afterAll(async () => runtime?.stop());

interface Written {
  id: string;
  scenario: string;
  title: string;
  size: FontScale;
  sizeLabel: string;
  file: string;
  failure?: string;
}
const written: Written[] = [];
afterAll(() => {
  fs.writeFileSync(path.join(GALLERY_DIR, 'html', 'shots.json'), `${JSON.stringify(written, null, 2)}\n`);
});

const document = () => (globalThis as unknown as { document: { head: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> } } }).document;

describe.each(SIZES)('text size %s', (size) => {
  it.each(CHOSEN.map((scenario) => [scenario.id, scenario] as const))('%s', async (_id, scenario) => {
    const { wxss } = simulateLikeWeChat();
    const wx = installWx({
      functions: localRuntimeFunctions(runtime.url, scenario.openid),
      storage: { [FONT_SCALE_STORAGE_KEY]: { fontScale: size, synced: true } },
    });
    installDevice(wx, { runtimeUrl: runtime.url });
    installDialogs();
    const context: ScenarioContext = {
      wx,
      open: (name, query) => openPage(name, query),
      async follow(page: PageDriver, text, name) {
        const before = wx.navigations.length;
        await page.tap(typeof text === 'string' ? text : text.source);
        await page.waitFor(() => wx.navigations.length > before, `the tap on ${String(text)} to open ${name}`);
        return openPage(name, queryOf(wx.navigations[wx.navigations.length - 1] as string));
      },
    };
    const id = `${scenario.id}--${size}`;
    const entry: Written = { id, scenario: scenario.id, title: scenario.title, size, sizeLabel: SIZE_LABELS[size], file: `html/${id}.html` };
    written.push(entry);
    try {
      const page = await scenario.open(context);
      // Only this page's styles: every page load writes its own <style>, and all of them prefix
      // classes alike (`main--`), so an earlier page's rules would restyle this one.
      const styles = Array.from(document().head.querySelectorAll(`style#${page.styleId}`))
        .map((style) => style.textContent ?? '')
        .join('\n');
      const shared = appStyles((css, prefix) => wxss.compile(css, { prefix }), SHARING_APP_STYLES);
      const html = pageDocument({ id, title: `${scenario.title} · ${SIZE_LABELS[size]}` }, page.element() as never, styles, shared);
      fs.writeFileSync(path.join(GALLERY_DIR, entry.file), html);
    } catch (error) {
      entry.failure = error instanceof Error ? error.message : String(error);
      throw error;
    }
  });
});
