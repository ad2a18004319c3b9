import { BINDING_CODE_ALPHABET, bindingCodeFrom, isBindingCode, normalizeBindingCode } from '../../miniprogram/shared/domain/bindingCode';

describe('binding codes are typed from paper', () => {
  test('the alphabet has no look-alikes', () => {
    for (const c of '0O1IL') expect(BINDING_CODE_ALPHABET).not.toContain(c);
  });

  test('eight characters from random bytes', () => {
    const code = bindingCodeFrom([0, 1, 2, 3, 4, 5, 6, 255]);
    expect(code).toHaveLength(8);
    expect(isBindingCode(code)).toBe(true);
    expect(() => bindingCodeFrom([1, 2, 3])).toThrow(RangeError);
  });

  test('what a deputy types is normalized: case, spaces and dashes', () => {
    expect(normalizeBindingCode(' depu-ty 26 ')).toBe('DEPUTY26');
    expect(isBindingCode('DEPUTY26')).toBe(true);
    expect(isBindingCode('DEPUTY20')).toBe(false);
    expect(isBindingCode('DEPUTY2')).toBe(false);
  });
});
