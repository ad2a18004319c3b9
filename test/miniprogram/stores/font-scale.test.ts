import type * as FontScaleStore from '../../../miniprogram/stores/font-scale';
import { FONT_SCALE_STORAGE_KEY } from '../../../miniprogram/stores/font-scale';
import type { Profile } from '../../../miniprogram/shared/domain/account';
import type { ApiResponse } from '../../../miniprogram/shared/errors';
import { freshApp } from '../support/fresh-app';
import { fixtureFunctions, installWx, networkDown, ok } from '../support/wx-double';

const profile = (fontScale: Profile['preferences']['fontScale']): Profile => ({ roles: ['resident'], preferences: { fontScale } });
const store = () => freshApp<typeof FontScaleStore>('stores/font-scale');

describe('the font size a resident chose', () => {
  it('starts large for someone who never chose, because many residents are elderly', () => {
    installWx({ functions: fixtureFunctions({}) });
    expect(store().currentFontScale()).toBe('large');
  });

  it('starts in the size saved on this phone, without waiting for the network', () => {
    installWx({ functions: fixtureFunctions({}), storage: { [FONT_SCALE_STORAGE_KEY]: { fontScale: 'extraLarge', synced: true } } });
    expect(store().currentFontScale()).toBe('extraLarge');
  });

  it('applies a choice at once, tells every page, and saves it to the account', async () => {
    const wx = installWx({ functions: fixtureFunctions({ 'account.updatePreferences': ok(profile('standard')) }) });
    const fontScale = store();
    const seen: string[] = [];
    fontScale.onFontScaleChange((scale) => seen.push(scale));

    const saving = fontScale.chooseFontScale('standard');
    expect(fontScale.currentFontScale()).toBe('standard');
    expect(seen).toEqual(['standard']);
    await saving;

    expect(wx.cloudCalls).toEqual([{ functionName: 'account', action: 'account.updatePreferences', payload: { fontScale: 'standard' } }]);
    expect(wx.storage.get(FONT_SCALE_STORAGE_KEY)).toEqual({ fontScale: 'standard', synced: true });
  });

  it('keeps a choice the account could not take, and pushes it at the next launch', async () => {
    const offline = installWx({ functions: fixtureFunctions({ 'account.updatePreferences': networkDown }) });
    await expect(store().chooseFontScale('extraLarge')).rejects.toMatchObject({ code: 'COMMON.NETWORK' });
    expect(offline.storage.get(FONT_SCALE_STORAGE_KEY)).toEqual({ fontScale: 'extraLarge', synced: false });

    const online = installWx({
      functions: fixtureFunctions({ 'account.updatePreferences': ok(profile('extraLarge')), 'account.getProfile': ok(profile('large')) }),
      storage: Object.fromEntries(offline.storage),
    });
    const relaunched = store();
    await relaunched.syncFontScale();

    expect(online.cloudCalls.map((call) => call.action)).toEqual(['account.updatePreferences']);
    expect(relaunched.currentFontScale()).toBe('extraLarge');
    expect(online.storage.get(FONT_SCALE_STORAGE_KEY)).toEqual({ fontScale: 'extraLarge', synced: true });
  });

  it("takes the account's size at launch when this phone has nothing unsaved", async () => {
    const wx = installWx({
      functions: fixtureFunctions({ 'account.getProfile': ok(profile('standard')) }),
      storage: { [FONT_SCALE_STORAGE_KEY]: { fontScale: 'large', synced: true } },
    });
    const fontScale = store();

    await fontScale.syncFontScale();

    expect(fontScale.currentFontScale()).toBe('standard');
    expect(wx.storage.get(FONT_SCALE_STORAGE_KEY)).toEqual({ fontScale: 'standard', synced: true });
  });

  it('never lets a slow answer from the account undo what the resident just chose', async () => {
    let answerProfile: (answer: ApiResponse<unknown>) => void = () => undefined;
    installWx({
      functions: fixtureFunctions({
        'account.getProfile': () => new Promise<ApiResponse<unknown>>((resolve) => (answerProfile = resolve)),
        'account.updatePreferences': ok(profile('extraLarge')),
      }),
    });
    const fontScale = store();

    const syncing = fontScale.syncFontScale();
    await fontScale.chooseFontScale('extraLarge');
    answerProfile(ok(profile('standard')));
    await syncing;

    expect(fontScale.currentFontScale()).toBe('extraLarge');
  });

  it('keeps the last of two quick choices, whichever save answers first', async () => {
    const pending: Array<() => void> = [];
    const wx = installWx({
      functions: fixtureFunctions({
        'account.updatePreferences': (payload: { fontScale: Profile['preferences']['fontScale'] }) =>
          new Promise<ApiResponse<unknown>>((resolve) => pending.push(() => resolve(ok(profile(payload.fontScale))))),
      }),
    });
    const fontScale = store();

    const first = fontScale.chooseFontScale('standard');
    const second = fontScale.chooseFontScale('extraLarge');
    await new Promise((resolve) => setTimeout(resolve, 0));
    pending[1]?.();
    await second;
    pending[0]?.();
    await first;

    expect(fontScale.currentFontScale()).toBe('extraLarge');
    expect(wx.storage.get(FONT_SCALE_STORAGE_KEY)).toEqual({ fontScale: 'extraLarge', synced: true });
  });
});
