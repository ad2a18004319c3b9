/** Codes of the privacy (个人信息) and content-safety (内容安全) actions. */
export const PRIVACY_ERRORS = {
  'PRIVACY.CONFIRM_REQUIRED': '注销前请确认：注销后个人信息将被删除且无法恢复',
  'PRIVACY.ROLE_BOUND': '您的微信绑定了代表或工作人员身份，请先请管理员解除绑定后再注销',
  'PRIVACY.ACTIVE_BOOKINGS': '您还有未到期的预约，请先取消预约后再注销',
  'MODERATION.NOT_FOUND': '没有找到待审核的内容，可能已被其他工作人员处理，请刷新列表',
} as const;
