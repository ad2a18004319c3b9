/** Codes of 代表履职 (`DUTY.*`): the duty record, points, 亮分 and 述职评议. */
export const DUTY_ERRORS = {
  'DUTY.NOT_FOUND': '没有找到这条履职记录，可能不在您负责的范围内，请返回刷新后再试',
  'DUTY.DEPUTY_NOT_FOUND': '没有找到这位代表，或不在您负责的范围内，请返回代表名单重新选择',
  'DUTY.ALREADY_DECIDED': '这件事已经有人处理过了，请刷新后查看结果',
  'DUTY.CONTEST_CLOSED': '现在不在工作人员设定的核对期内，暂时不能提出异议；请留意联络站通知',
  'DUTY.NOT_ON_ROSTER': '您不在这个接待日的值班名单上，不需要请假',
  'DUTY.DAY_PASSED': '这个接待日已经过去，不能再请假；如有特殊情况请联系工作人员',
  'DUTY.RULES_INVALID': '积分规则有误：分值、上限和扣分都不能是负数，请检查后再保存',
  'DUTY.REVIEW_NOT_FOUND': '没有找到这次述职评议，请返回刷新后再试',
  'DUTY.REVIEW_NOT_OPEN': '这次述职评议现在不在评议期内',
  'DUTY.REVIEW_ENDED': '这次述职评议已经结束，报告不能再修改',
  'DUTY.NOT_ELIGIBLE': '这次述职评议只请本选区联络站的群众参加；您可以到联络站扫码后再评议',
  'DUTY.ALREADY_RATED': '您已经评议过了，每人只能评议一次，感谢参与',
  'DUTY.CONTENT_REJECTED': '留言含有不宜发布的信息，请修改后再提交评议',
  'DUTY.CHECK_UNAVAILABLE': '暂时无法检查留言内容，请稍后再提交，您的评议尚未保存',
} as const;
