import type * as Drafts from '../../../miniprogram/stores/opinion-drafts';
import { draftKey } from '../../../miniprogram/stores/opinion-drafts';
import { freshApp } from '../support/fresh-app';
import { fixtureFunctions, installWx } from '../support/wx-double';

const CHEN = { kind: 'deputy' as const, id: 'dp-001' };

function drafts(storage: Record<string, unknown> = {}) {
  const wx = installWx({ functions: fixtureFunctions({}), storage });
  (globalThis as unknown as { wx: Record<string, unknown> }).wx.removeStorageSync = (key: string) => void wx.storage.delete(key);
  return { wx, store: freshApp<typeof Drafts>('stores/opinion-drafts') };
}

describe('opinion drafts on the phone', () => {
  it('starts a new draft with its own request id', () => {
    const { store } = drafts();
    const a = store.loadDraft(CHEN);
    const b = store.loadDraft({ kind: 'station', id: 'st-nanhu' });
    expect(a).toMatchObject({ category: '', text: '', photos: [], location: null, mayContact: false });
    expect(a.clientRequestId).toMatch(/^[a-z0-9]{8,64}$/);
    expect(a.clientRequestId).not.toBe(b.clientRequestId);
  });

  it('gives back what was saved, per target, until it is cleared', () => {
    const { store, wx } = drafts();
    const saved = { ...store.newDraft(), category: 'health' as const, text: '卫生站周末不开门' };
    store.saveDraft(CHEN, saved);
    expect(store.loadDraft(CHEN)).toEqual(saved);
    expect(wx.storage.has(draftKey(CHEN))).toBe(true);
    store.clearDraft(CHEN);
    expect(store.loadDraft(CHEN).text).toBe('');
  });

  it('keeps what it can of a damaged record instead of losing the text', () => {
    const { store } = drafts({
      [draftKey(CHEN)]: {
        clientRequestId: 'x',
        category: 'unknown',
        text: '我写了一半的意见',
        photos: [{ fileID: 1 }, { fileID: 'cloud://e/opinion-photos/a.jpg', localPath: 'wxfile://a' }],
        mayContact: 'yes',
      },
    });
    const draft = store.loadDraft(CHEN);
    expect(draft).toMatchObject({ category: '', text: '我写了一半的意见', photos: [{ fileID: 'cloud://e/opinion-photos/a.jpg', localPath: 'wxfile://a' }], mayContact: false });
    expect(draft.clientRequestId).toMatch(/^[a-z0-9]{8,64}$/);
  });
});
