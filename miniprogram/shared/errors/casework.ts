/** Codes of case handling (`CASE.*`) and of staff accounts and departments (`STAFF.*`, `DEPARTMENT.*`). */
export const CASEWORK_ERRORS = {
  'CASE.NOT_FOUND': '没有找到这件意见，可能不在您负责的范围内，请返回列表刷新后再试',
  'CASE.ILLEGAL_TRANSITION': '这件意见当前的办理状态不能进行此操作，可能已被他人处理，请刷新后查看',
  'CASE.NOT_REOPENABLE': '只有回访时群众表示“没有解决”的已办结意见才能重新交办',
  'CASE.ALREADY_ANSWERED': '本单位已经答复过这件意见，如需修改请联系人大工作人员退回重办',
  'CASE.DEPARTMENT_UNAVAILABLE': '所选承办单位不存在、已停用或不属于该意见所在区域，请重新选择',
  'CASE.CONTENT_UNDER_REVIEW': '该意见正在内容审核，审核通过后再办理',
  'CASE.CONTENT_REJECTED': '该意见未通过内容审核，不能办理',
  'CASE.REFER_WINDOW_CLOSED': '交办已超过可退回的期限，请按时办理；确有困难请联系人大工作人员',
  'CASE.EXPORT_TOO_LARGE': '这段时间的意见太多，无法一次导出，请缩短统计期间或缩小范围后再试',
  'STAFF.CODE_TARGET_UNAVAILABLE': '所选联络站、区域或承办单位不存在或已停用，请重新选择',
  'DEPARTMENT.NOT_FOUND': '没有找到这个承办单位，请返回列表刷新后再试',
} as const;
