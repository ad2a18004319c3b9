/** Codes of 民生实事项目票决 (`PROJECT.*`). */
export const PROJECT_ERRORS = {
  'PROJECT.ROUND_NOT_FOUND': '没有找到这一轮民生实事项目票决，请返回刷新后再试',
  'PROJECT.NOT_FOUND': '没有找到这个项目，请返回列表刷新后再试',
  'PROJECT.SCHEDULE_INVALID': '日程须依次为：征集截止、公示截止、票决开始、票决结束、测评开始、测评结束；每人可选项目数不少于1且最少数不超过最多数',
  'PROJECT.STAGE_CLOSED': '现在不在这一步的时间内，请查看这一轮的日程',
  'PROJECT.CONTENT_REJECTED': '内容含有不宜发布的信息，请修改后再提交',
  'PROJECT.CHECK_UNAVAILABLE': '内容安全检查暂时不可用，请稍后再提交',
  'PROJECT.SOURCE_UNAVAILABLE': '所选的项目建议或群众意见不存在、未通过审核，或不属于这个地区，请重新选择',
  'PROJECT.UNIT_UNAVAILABLE': '所选的实施单位不存在、已停用，或不在这个地区，请重新选择',
  'PROJECT.TOO_FEW_CANDIDATES': '候选项目数要多于每位代表最多可选的项目数，请再添加候选项目',
  'PROJECT.NOT_ELIGIBLE': '您不是这一级的人大代表，不能参加这一轮票决或测评',
  'PROJECT.ALREADY_VOTED': '您已经投过票了，每位代表只能投一次',
  'PROJECT.BALLOT_INVALID': '所选项目数不在规定范围内，或有重复、无效的项目，请重新选择',
  'PROJECT.ALREADY_RATED': '您已经对这个项目进行过测评',
  'PROJECT.PROGRESS_INVALID': '只能为已票决通过的项目报告进度，进度不能倒退，已竣工的项目不再报告进度',
  'PROJECT.ALREADY_REVIEWED': '这条内容已经审核过了',
} as const;
