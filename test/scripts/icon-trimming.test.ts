import { keepUsedIcons } from '../../scripts/build-miniprogram';

describe('TDesign icon stylesheet trimming', () => {
  const css = [
    "@font-face{font-family:t;src:url(t.woff) format('woff');}",
    '.t-icon{font-family:t!important;}',
    ".t-icon-location:before{content:'\\E001';}",
    ".t-icon-location-filled:before{content:'\\E002';}",
    ".t-icon-chevron-right:before{content:'\\E003';}",
    '',
  ].join('\n');

  test('keeps the glyphs that are named somewhere and every non-glyph rule', () => {
    const trimmed = keepUsedIcons(css, new Set(['location', 'chevron-right']));
    expect(trimmed).toContain('@font-face');
    expect(trimmed).toContain('.t-icon{font-family:t!important;}');
    expect(trimmed).toContain('.t-icon-location:before');
    expect(trimmed).toContain('.t-icon-chevron-right:before');
    expect(trimmed).not.toContain('location-filled');
  });
});
