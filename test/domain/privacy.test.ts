import { auditActorLabel, contactFor, opinionPhoneGranted } from '../../miniprogram/shared/domain/privacy';

describe('contactFor: the one masking rule for a resident’s contact', () => {
  const contact = { name: '李阿姨', phone: '13812345678', mayContact: false };

  test('a reader not granted the phone sees it masked, the name as left', () => {
    expect(contactFor(contact, false)).toEqual({ name: '李阿姨', phone: '138****5678', mayContact: false });
  });

  test('a reader granted the phone sees it in full', () => {
    expect(contactFor({ ...contact, mayContact: true }, true)).toEqual({ name: '李阿姨', phone: '13812345678', mayContact: true });
  });

  test('nothing left, nothing shown; fields not left are not invented', () => {
    expect(contactFor(null, true)).toBeNull();
    expect(contactFor({ mayContact: false }, false)).toEqual({ mayContact: false });
  });

  test('an opinion’s phone is granted only with the resident’s consent to be called', () => {
    expect(opinionPhoneGranted({ phone: '13812345678', mayContact: true })).toBe(true);
    expect(opinionPhoneGranted({ phone: '13812345678', mayContact: false })).toBe(false);
    expect(opinionPhoneGranted(null)).toBe(false);
  });
});

describe('auditActorLabel: how the audit log names a reader', () => {
  test('by role, with their name when they have one on record; never an account id', () => {
    expect(auditActorLabel('station', '张三')).toBe('联络站工作人员 张三');
    expect(auditActorLabel('deputy', '王志强')).toBe('代表 王志强');
    expect(auditActorLabel('admin')).toBe('管理员');
    expect(auditActorLabel('handler', '李四')).toBe('承办单位经办人 李四');
  });
});
