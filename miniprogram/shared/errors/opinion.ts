/** Codes of the opinion capability: `OPINION.*`. */
export const OPINION_ERRORS = {
  'OPINION.NOT_FOUND': '没有找到这条意见，请返回列表刷新后再试',
  'OPINION.TARGET_UNAVAILABLE': '该代表或联络站暂不接收意见，请从联络站列表重新选择',
  'OPINION.RATE_LIMITED': '提交太频繁了（每小时最多5条、每天最多20条），请稍后再试，填写的内容已为您保留',
  'OPINION.CONTENT_REJECTED': '内容未通过微信安全检查，请删除不当用语后再提交',
  'OPINION.CHECK_UNAVAILABLE': '暂时无法检查内容，请稍后再提交，填写的内容已为您保留',
  'OPINION.PHOTO_MISSING': '有照片没有上传成功，请删除后重新添加',
  'OPINION.ALREADY_HANDLED': '这条意见已经处理过了，请刷新后查看',
  'OPINION.NOT_RATABLE': '这条意见现在不能评价：收到办理答复后才能评价，超过评价期限的已自动办结',
  'OPINION.ALREADY_RATED': '您已经评价过这次答复了，感谢您的反馈',
  'OPINION.FOLLOW_UP_NOT_DUE': '这条意见还没到回访的时候：办结后过一段时间，我们会在“我的消息”里问您',
  'OPINION.FOLLOW_UP_ANSWERED': '您已经回答过这次回访了，感谢您的反馈',
} as const;
