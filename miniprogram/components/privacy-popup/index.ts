import { navigateBack, onNeedPrivacyAuthorization, openPrivacyContract, requirePrivacyAuthorize, showToast } from '../../services/wx';
import { AGREE_BUTTON_ID, createPrivacyPrompt, PRIVACY_SUMMARY } from './model';

const prompts = new WeakMap<object, ReturnType<typeof createPrivacyPrompt>>();

/**
 * The privacy notice (隐私保护指引) the WeChat way: app.json turns on `__usePrivacyCheck__`, WeChat
 * asks through wx.onNeedPrivacyAuthorization before a privacy API runs, this popup shows the plain
 * summary and a link to the full guide, and the resident's tap on the agreePrivacyAuthorization
 * button (or 不同意) answers WeChat. Put it on every page that collects personal data; with
 * `required`, the page asks at once (forms where residents type their name and phone) and leaves
 * when the resident declines.
 */
Component({
  options: { styleIsolation: 'apply-shared' },
  properties: {
    required: { type: Boolean, value: false },
  },
  data: { visible: false, summary: PRIVACY_SUMMARY, agreeButtonId: AGREE_BUTTON_ID },
  lifetimes: {
    attached() {
      const prompt = createPrivacyPrompt((state) => this.setData(state));
      prompts.set(this, prompt);
      onNeedPrivacyAuthorization((resolve) => prompt.ask(resolve));
      if (this.data.required) {
        void requirePrivacyAuthorize().then((agreed) => {
          if (!agreed) navigateBack();
        });
      }
    },
  },
  pageLifetimes: {
    // WeChat keeps only the last listener: the page in front takes it back when it shows again.
    show() {
      const prompt = prompts.get(this);
      if (prompt) onNeedPrivacyAuthorization((resolve) => prompt.ask(resolve));
    },
  },
  methods: {
    onAgree() {
      prompts.get(this)?.agree();
    },
    onDisagree() {
      if (prompts.get(this)?.disagree()) showToast('未同意隐私保护指引，无法使用此功能');
    },
    onOpenContract() {
      return openPrivacyContract().catch(() => showToast('暂时无法打开，请稍后再试'));
    },
  },
});
