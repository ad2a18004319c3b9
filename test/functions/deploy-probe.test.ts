import { runtimeOutbox, useTestRuntime } from '../support/runtime';

/**
 * After a deploy, `npm run deploy` asks each function whether WeChat lets it make its cloud
 * calls. The local runtime holds calls to each function's config.json, as CloudBase does.
 */
const t = useTestRuntime();

const probe = (apis: string[]) => ({ deployProbe: 'openapi', apis });

describe("the deploy's cloud-call probe", () => {
  it('finds booking allowed the APIs its config.json grants, and refused one it does not', async () => {
    const answer = await t.raw('booking', probe(['subscribeMessage.send', 'wxacode.getUnlimited', 'security.msgSecCheck']));
    expect(answer.body).toEqual({
      ok: true,
      data: { 'subscribeMessage.send': 'allowed', 'wxacode.getUnlimited': 'allowed', 'security.msgSecCheck': 'refused' },
    });
  });

  it('sends nothing a resident could receive', async () => {
    const outbox = () => runtimeOutbox(t.runtime.url);
    const before = await outbox();
    const answer = await t.raw('opinion', probe(['subscribeMessage.send', 'security.msgSecCheck', 'security.mediaCheckAsync']));
    expect(answer.body).toEqual({ ok: true, data: { 'subscribeMessage.send': 'allowed', 'security.msgSecCheck': 'allowed', 'security.mediaCheckAsync': 'allowed' } });
    expect(await outbox()).toEqual(before);
  });

  it('is an unknown action for a caller with an OPENID: residents cannot probe', async () => {
    const answer = await t.raw('booking', probe(['wxacode.getUnlimited']), { openid: 'demo-resident-001' });
    expect(answer.body).toMatchObject({ ok: false, code: 'COMMON.UNKNOWN_ACTION' });
  });
});
