import { contactSetters } from '../../../miniprogram/utils/contact-fields';

test('the name goes to the form as typed, the phone without the spaces typed into it', () => {
  const updates: Array<{ name?: string; phone?: string }> = [];
  const { setName, setPhone } = contactSetters((update) => updates.push(update));
  setName(' 王阿姨 ');
  setPhone('138 0013 8000');
  expect(updates).toEqual([{ name: ' 王阿姨 ' }, { phone: '13800138000' }]);
});
