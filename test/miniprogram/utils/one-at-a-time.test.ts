import { ApiError } from '../../../miniprogram/services/api';
import { oneAtATime, refusalText } from '../../../miniprogram/utils/one-at-a-time';
import { fixtureFunctions, installWx, type WxDouble } from '../support/wx-double';

interface FormState {
  working: boolean;
  formError: string;
  saved: string;
}

let wx: WxDouble;
let renders: Array<Partial<FormState>>;
const render = (change: Partial<FormState>) => renders.push(change);

beforeEach(() => {
  wx = installWx({ functions: fixtureFunctions({}) });
  renders = [];
});

describe('one action at a time on a page', () => {
  it('a second tap while the first is on its way does nothing; the first renders working on, then its outcome with working off', async () => {
    const runner = oneAtATime<FormState>(render, 'test form');
    let finish: () => void = () => undefined;
    const first = runner.step(
      () =>
        new Promise<Partial<FormState>>((resolve) => {
          finish = () => resolve({ saved: '已保存' });
        }),
      { clear: { formError: '' } },
    );
    expect(runner.working).toBe(true);
    const second = runner.step(async () => ({ saved: '不该出现' }));
    await expect(second).resolves.toBe(false);
    finish();
    await expect(first).resolves.toBe(true);
    expect(runner.working).toBe(false);
    expect(renders).toEqual([
      { formError: '', working: true },
      { saved: '已保存', working: false },
    ]);
    expect(wx.toasts).toEqual([]);
  });

  it('a refusal is toasted with the server message unless the page says where it goes; the next tap runs again', async () => {
    const runner = oneAtATime<FormState>(render, 'test form');
    await expect(
      runner.step(async () => {
        throw new ApiError('BOOKING.FULL', '该时段已约满，请选择其他时段');
      }),
    ).resolves.toBe(false);
    expect(wx.toasts).toEqual(['该时段已约满，请选择其他时段']);
    expect(renders).toEqual([{ working: true }, { working: false }]);

    renders = [];
    await expect(
      runner.step(
        async () => {
          throw new ApiError('COMMON.INVALID_INPUT', '请检查填写的内容', { place: '请填写活动地点' });
        },
        { refused: (error) => ({ formError: refusalText(error) }) },
      ),
    ).resolves.toBe(false);
    expect(renders).toEqual([{ working: true }, { formError: '请填写活动地点', working: false }]);
    expect(wx.toasts).toHaveLength(1);
  });

  it('an unexpected error reads as the general failure message, not as the raw error', async () => {
    const runner = oneAtATime<FormState>(render, 'test form');
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await runner.step(async () => {
      throw new TypeError('boom');
    });
    expect(log).toHaveBeenCalledWith('[api] test form failed', expect.any(TypeError));
    log.mockRestore();
    expect(wx.toasts).toHaveLength(1);
    expect(wx.toasts[0]).not.toContain('boom');
  });
});
