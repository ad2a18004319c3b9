import { openPrivacyContract, showToast } from '../../services/wx';
import { AGREE_BUTTON_ID, PRIVACY_SUMMARY } from './model';

/**
 * The privacy notice (隐私保护指引) the WeChat way: app.json turns on `__usePrivacyCheck__`,
 * WeChat asks before a privacy API runs, and the page factory (factory/privacy.ts) shows this
 * popup on the page in front: the plain summary, a link to the full guide, and the answer — the
 * agreePrivacyAuthorization button WeChat requires for 同意, or 不同意 — handed back to the
 * factory (`agree` / `disagree` events), which answers WeChat.
 */
Component({
  options: { styleIsolation: 'apply-shared' },
  properties: {
    visible: { type: Boolean, value: false },
  },
  data: { summary: PRIVACY_SUMMARY, agreeButtonId: AGREE_BUTTON_ID },
  methods: {
    onAgree() {
      this.triggerEvent('agree');
    },
    onDisagree() {
      this.triggerEvent('disagree');
    },
    onOpenContract() {
      return openPrivacyContract().catch(() => showToast('暂时无法打开，请稍后再试'));
    },
  },
});
