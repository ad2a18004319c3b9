import { openPrivacyContract, showToast } from '../../services/wx';
import { AGREE_BUTTON_ID, PRIVACY_SUMMARY } from './model';

/** The privacy notice (隐私保护指引) shown by the page factory (factory/privacy.ts), which answers WeChat with `agree` / `disagree`. */
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
