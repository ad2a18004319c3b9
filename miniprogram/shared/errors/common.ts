/** Codes every capability may answer. */
export const COMMON_ERRORS = {
  'COMMON.INVALID_INPUT': '填写的内容有误，请检查后再试',
  'COMMON.UNKNOWN_ACTION': '暂不支持该操作，请更新小程序后再试',
  'COMMON.NOT_FOUND': '没有找到相关内容，可能已被删除',
  'COMMON.INTERNAL': '系统开小差了，请稍后再试',
  'COMMON.NETWORK': '网络不太稳定，请检查网络后重试',
  'COMMON.TOO_LARGE': '提交的内容太长了，请精简后再试',
  'COMMON.RATE_LIMITED': '操作太频繁了，请稍后再试',
  'COMMON.BUSY': '现在使用的人较多，请稍等几秒再试',
  'COMMON.STORAGE_FULL': '服务器存储空间暂时已满，这次操作没有保存，请稍后再试',
  'AUTH.REQUIRED': '请在微信中打开小程序后再试',
  'AUTH.FORBIDDEN': '您没有权限进行此操作',
} as const;
