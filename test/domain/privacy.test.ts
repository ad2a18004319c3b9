import { contactFor, opinionPhoneGranted, revealedFields } from '../../miniprogram/shared/domain/privacy';

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

describe('revealedFields: what the audit log records', () => {
  test('a name and a full phone are personal data shown; a masked phone is not', () => {
    expect(revealedFields({ name: '李阿姨', phone: '13812345678' })).toEqual(['name', 'phone']);
    expect(revealedFields({ name: '李阿姨', phone: '138****5678' })).toEqual(['name']);
    expect(revealedFields({ phone: '' })).toEqual([]);
    expect(revealedFields(null)).toEqual([]);
  });
});
