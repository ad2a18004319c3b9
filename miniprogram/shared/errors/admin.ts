/** Codes of the admin capability: `ADMIN.*`, and the `BINDING.*`/`SCENE.*` codes of what staff hand out. */
export const ADMIN_ERRORS = {
  'ADMIN.OUT_OF_SCOPE': '不在您负责的范围内，请联系上级人大工作人员办理',
  'ADMIN.AREA_NOT_FOUND': '所选区域不存在，请重新选择',
  'ADMIN.SHARED_AREA_INVALID': '共建区域不能是联络站所属区域本身，也不能是它的上级或下级区域，请重新选择',
  'ADMIN.STATION_NOT_FOUND': '所选联络站不存在，请重新选择',
  'ADMIN.STATION_CODE_TAKEN': '联络站编号已被使用，请换一个编号',
  'ADMIN.DEPUTY_CODE_TAKEN': '代表编号已被使用，请换一个编号',
  'ADMIN.TARGET_INACTIVE': '该代表或联络站已停用，请先启用后再生成二维码或绑定码',
  'ADMIN.QR_FAILED': '生成二维码失败，请稍后再试',
  'BINDING.INVALID': '绑定码不正确，请核对后重新输入',
  'BINDING.USED': '该绑定码已被使用，请联系人大工作人员重新获取',
  'BINDING.EXPIRED': '绑定码已过期，请联系人大工作人员重新获取',
  'BINDING.REVOKED': '绑定码已作废，请联系人大工作人员重新获取',
  'BINDING.ALREADY_BOUND': '您的微信已绑定其他代表身份，如需更换请联系人大工作人员解除绑定',
  'SCENE.UNKNOWN': '这个二维码已失效或无法识别，请在联络站列表中查找您的代表',
  'ADMIN.WORKBOOK_UNREADABLE': '无法读取这个文件，请上传用模板填写的 .xlsx 表格',
  'ADMIN.WORKBOOK_EMPTY': '表格里没有可导入的行，请在“联络站”“代表”工作表中填写后再导入',
} as const;
