/**
 * What the page gallery (npm run gallery) found, held by rules on the styles and templates
 * themselves, so the suite catches a regression without a browser: tap targets of 44 × 44 px at
 * every text size, text colours at 4.5 : 1, tags that grow with the text, nothing older WeChat
 * WebViews cannot draw, and WeChat's privacy popup wherever a privacy-scoped API is called.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MIN_BASE_LIBRARY } from '../../miniprogram/config';
import { ALL_PAGES } from '../../miniprogram/routes';

const ROOT = path.resolve(__dirname, '../..');
const MINIPROGRAM = path.join(ROOT, 'miniprogram');
const appWxss = fs.readFileSync(path.join(MINIPROGRAM, 'app.wxss'), 'utf8');

function filesUnder(dir: string, ext: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'miniprogram_npm' ? [] : filesUnder(full, ext);
    return entry.name.endsWith(ext) ? [full] : [];
  });
}

/** The value of a custom property in app.wxss, within the rule for `selector`. */
function declared(selector: string, property: string): string {
  const rule = new RegExp(`(^|\\n)${selector.replace('.', '\\.')} \\{([^}]*)\\}`).exec(appWxss)?.[2] ?? '';
  const value = new RegExp(`\\n\\s*${property}:\\s*([^;]+);`).exec(rule)?.[1];
  if (!value) throw new Error(`${property} is not declared in ${selector}`);
  return value.trim();
}

/** rpx to px on the 375px phone, of a calc() over the font-size variables. */
function pixels(expression: string, sizes: Record<string, string>): number {
  const js = expression
    .replace(/^calc\((.*)\)$/, '$1')
    .replace(/var\((--fs-[a-z]+)\)/g, (_all, name: string) => sizes[name] ?? 'NaN')
    .replace(/(\d+(?:\.\d+)?)rpx/g, '($1 / 2)');
  if (!/^[\d\s.+*/()-]+$/.test(js)) throw new Error(`cannot evaluate ${expression}`);
  return Function(`return ${js}`)() as number;
}

const SIZES = ['standard', 'large', 'extraLarge'] as const;

describe('tap targets at every text size', () => {
  it.each(SIZES)('TDesign buttons are at least 44 px tall at %s', (size) => {
    const sizes = Object.fromEntries(['--fs-small', '--fs-body', '--fs-title', '--fs-display'].map((name) => [name, declared(`.fs-${size}`, name)]));
    for (const token of ['--td-button-large-height', '--td-button-medium-height']) {
      expect({ token, px: pixels(declared('.page', token), sizes) >= 44 }).toEqual({ token, px: true });
    }
  });

  it('a switch is tapped through its whole row (a label), never the 52 × 32 px switch alone', () => {
    for (const file of filesUnder(MINIPROGRAM, '.wxml')) {
      const wxml = fs.readFileSync(file, 'utf8');
      for (const match of wxml.matchAll(/<switch\b/g)) {
        const before = wxml.slice(0, match.index);
        expect({ file: path.relative(ROOT, file), inLabel: before.lastIndexOf('<label') > before.lastIndexOf('</label>') }).toEqual({
          file: path.relative(ROOT, file),
          inLabel: true,
        });
      }
    }
  });
});

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [
      number,
      number,
      number,
    ];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

describe('text colours read at 4.5 : 1', () => {
  it.each([
    ['--td-success-color', '#e3f9e9', '已办结 / 代表已回复 tags'],
    ['--td-warning-color', '#fff1e9', '待评价 / 已转交 tags'],
    ['--td-error-color', '#fff0ed', 'red tags'],
    ['--td-error-color', '#ffffff', '取消预约 / 注销账号 / 取消这天 / 督办 on white'],
    ['--td-error-color', '#f3f4f6', 'red text on the page background'],
    ['--td-button-primary-disabled-color', '#e7e7e7', 'a disabled button (现场登记来访者)'],
    ['--td-button-default-disabled-color', '#e7e7e7', 'a disabled default button'],
  ])('%s on %s (%s)', (token, background) => {
    expect(contrast(declared('.page', token), background)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('elderly text sizes', () => {
  it('tags take their size from the text size, not a fixed 12 px', () => {
    for (const token of ['--td-tag-medium-font', '--td-tag-large-font']) expect(declared('.page', token)).toMatch(/var\(--fs-(small|body)\)/);
  });

  it.each(Object.entries(ALL_PAGES))('%s follows the chosen text size (its root carries fs-{{fontScale}})', (_name, route) => {
    const wxml = fs.readFileSync(path.join(MINIPROGRAM, `${route}.wxml`), 'utf8');
    const root = /<view\b[^>]*>/.exec(wxml.replace(/<privacy-popup[^>]*\/>/g, ''))?.[0] ?? '';
    expect(root).toContain('fs-{{fontScale}}');
  });

  it('tracking numbers are never broken across lines', () => {
    for (const file of filesUnder(MINIPROGRAM, '.wxml')) {
      for (const match of fs.readFileSync(file, 'utf8').matchAll(/编号 \{\{item\.trackingNo\}\}/g)) {
        const line = fs.readFileSync(file, 'utf8').slice(Math.max(0, (match.index ?? 0) - 30), match.index);
        expect({ file: path.relative(ROOT, file), whole: line.includes('class="keep-whole"') }).toEqual({ file: path.relative(ROOT, file), whole: true });
      }
    }
  });
});

describe('what older WeChat WebViews draw', () => {
  it(`no flex gap and no inset in any style (minimum base library ${MIN_BASE_LIBRARY})`, () => {
    const offending = filesUnder(MINIPROGRAM, '.wxss').filter((file) => /(^|[;{\s])(gap|row-gap|column-gap|inset):/m.test(fs.readFileSync(file, 'utf8')));
    expect(offending.map((file) => path.relative(ROOT, file))).toEqual([]);
  });

  it('the minimum base library is the one the deploy guide tells the admin console', () => {
    expect(fs.readFileSync(path.join(ROOT, 'docs/DEPLOY.md'), 'utf8')).toContain(`**${MIN_BASE_LIBRARY}**`);
  });
});

/** Service functions that call a privacy-scoped WeChat API (location, photos, clipboard, album). */
const PRIVACY_SCOPED = ['chooseImages', 'getLocation', 'chooseLocation', 'copyText', 'saveImageToAlbum'];
const PRIVACY_COMPONENTS = ['booking-code'];

describe('WeChat privacy authorization', () => {
  it.each(Object.entries(ALL_PAGES))('%s shows the privacy popup through the factory if it calls a privacy-scoped API', (_name, route) => {
    const dir = path.join(MINIPROGRAM, path.dirname(route));
    const code = fs
      .readdirSync(dir)
      .filter((file) => file.endsWith('.ts'))
      .map((file) => fs.readFileSync(path.join(dir, file), 'utf8'))
      .join('\n');
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'index.json'), 'utf8')) as { usingComponents?: Record<string, string> };
    const uses =
      PRIVACY_SCOPED.some((api) => new RegExp(`import \\{[^}]*\\b${api}\\b[^}]*\\} from '[./]+/services/wx'`).test(code)) ||
      PRIVACY_COMPONENTS.some((component) => component in (json.usingComponents ?? {}));
    const wxml = fs.readFileSync(path.join(dir, 'index.wxml'), 'utf8');
    const shows = wxml.includes('<privacy-popup visible="{{privacyVisible}}" bind:agree="onPrivacyAgree" bind:disagree="onPrivacyDisagree" />');
    const declares = /privacy: '(onDemand|required)'/.test(code);
    expect({ uses, shows: uses && shows, declares: uses && declares }).toEqual({ uses, shows: uses, declares: uses });
  });

  it('the popup scrolls its text while 同意 and 不同意 stay in sight', () => {
    const wxml = fs.readFileSync(path.join(MINIPROGRAM, 'components/privacy-popup/index.wxml'), 'utf8');
    const body = /<scroll-view scroll-y class="privacy-body">([\s\S]*?)<\/scroll-view>/.exec(wxml)?.[1] ?? '';
    expect(body).toContain('privacy-point');
    expect(body).not.toContain('同意');
    expect(wxml.slice(wxml.indexOf('</scroll-view>'))).toContain('同意并继续');
    const wxss = fs.readFileSync(path.join(MINIPROGRAM, 'components/privacy-popup/index.wxss'), 'utf8');
    expect(wxss).toMatch(/\.privacy-sheet \{[^}]*max-height: 92vh;/);
    expect(wxss).toMatch(/\.privacy-body \{[^}]*max-height: 60vh;/);
  });
});

describe('the order a resident reads things in', () => {
  it('the rating question comes after the reply it asks about (the timeline)', () => {
    const wxml = fs.readFileSync(path.join(MINIPROGRAM, 'pages/opinion/index.wxml'), 'utf8');
    expect(wxml.indexOf('<opinion-timeline')).toBeGreaterThan(0);
    expect(wxml.indexOf('请评价办理结果')).toBeGreaterThan(wxml.indexOf('<opinion-timeline'));
  });
});

describe('screen readers (aria-role, aria-label)', () => {
  const TAG = /<([\w-]+)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*(\/?)>/g;
  const templates = () => filesUnder(MINIPROGRAM, '.wxml').map((file) => ({ file: path.relative(ROOT, file), wxml: fs.readFileSync(file, 'utf8') }));

  it('everything tappable that is not a button says it is one', () => {
    const silent: string[] = [];
    for (const { file, wxml } of templates()) {
      for (const [tag, name, attributes = ''] of wxml.matchAll(TAG)) {
        if (!/\s(bind|catch):?tap=/.test(attributes) || name === 'button' || name!.startsWith('t-')) continue;
        // A control's own role says it is tappable too (a choice on a ballot is a checkbox).
        if (!/aria-role="(button|link|checkbox|radio|switch|tab)"/.test(attributes)) silent.push(`${file}: ${tag.slice(0, 60)}`);
        if (name === 'image' && !/aria-label=/.test(attributes)) silent.push(`${file}: an image to tap with no label`);
      }
    }
    expect(silent).toEqual([]);
  });

  it('an icon never carries meaning alone: every button with an icon has words', () => {
    const wordless: string[] = [];
    for (const { file, wxml } of templates()) {
      for (const match of wxml.matchAll(/<t-button\b([^>]*?)\sicon="[^"]*"([^>]*)>([\s\S]*?)<\/t-button>/g)) {
        if (!match[3]!.trim() && !/aria-label=/.test(`${match[1]}${match[2]}`)) wordless.push(`${file}: ${match[0].slice(0, 60)}`);
      }
      for (const match of wxml.matchAll(/<t-icon\b[^>]*>/g)) if (!/aria-(label|hidden)=/.test(match[0])) wordless.push(`${file}: ${match[0]}`);
    }
    expect(wordless).toEqual([]);
  });
});

describe('sizes the app does not map', () => {
  it('uses no small TDesign buttons or tags (their sizes are not mapped to the elderly text sizes)', () => {
    const small = filesUnder(MINIPROGRAM, '.wxml').filter((file) => /<t-(button|tag)\b[^>]*size="(small|extra-small)"/.test(fs.readFileSync(file, 'utf8')));
    expect(small).toEqual([]);
  });
});
