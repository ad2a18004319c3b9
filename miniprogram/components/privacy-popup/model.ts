import type { PrivacyAnswer } from '../../services/wx';

/** The privacy notice in plain words, shown before anything personal is collected. The full text is the guide filed with WeChat. */
export const PRIVACY_SUMMARY: readonly string[] = [
  '我们收集什么：您写的意见和上传的照片；您自愿留下的姓名、手机号和位置；预约接待时填写的姓名和手机号。',
  '用来做什么：只用于人大代表和工作人员处理您的意见、安排接待和联系您，不作他用。',
  '谁能看到：您没有同意联系时，代表只能看到打码的手机号；工作人员每次查看您的信息都会留下记录。',
  '您的权利：可以在首页“我的数据”里查看、导出您的全部信息，也可以注销账号。',
];

/** The agree button's id: WeChat checks that the button with this id was tapped before it accepts "agree". */
export const AGREE_BUTTON_ID = 'privacy-agree';

export interface PrivacyPromptState {
  visible: boolean;
}

/**
 * One consent request at a time: WeChat hands a resolve function when it needs consent; the
 * resident's answer resolves it exactly once (a second tap does nothing).
 */
export function createPrivacyPrompt(render: (state: PrivacyPromptState) => void) {
  let pending: ((answer: PrivacyAnswer) => void) | null = null;
  const answer = (value: PrivacyAnswer): boolean => {
    const resolve = pending;
    if (!resolve) return false;
    pending = null;
    render({ visible: false });
    resolve(value);
    return true;
  };
  return {
    ask(resolve: (answer: PrivacyAnswer) => void): void {
      pending = resolve;
      render({ visible: true });
    },
    agree(): boolean {
      return answer({ event: 'agree', buttonId: AGREE_BUTTON_ID });
    },
    disagree(): boolean {
      return answer({ event: 'disagree' });
    },
  };
}
