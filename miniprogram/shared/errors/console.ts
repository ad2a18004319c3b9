/** Codes of the staff console's sign-in by scanning and its sessions (issue 16). */
export const CONSOLE_ERRORS = {
  'CONSOLE.TICKET_NOT_FOUND': '没有找到这个登录请求，请在电脑上刷新二维码后重新扫码',
  'CONSOLE.TICKET_EXPIRED': '登录二维码已过期，请在电脑上刷新二维码后重新扫码',
  'CONSOLE.TICKET_USED': '这个登录二维码已经用过了，请在电脑上刷新二维码后重新扫码',
  'CONSOLE.WECHAT_ONLY': '请用微信扫码，在小程序中确认登录',
  'CONSOLE.FORGED_REQUEST': '请求来源校验未通过，请刷新工作台页面后重试',
} as const;
