import { isMobileNumber, maskPhone } from '../../miniprogram/shared/domain/phone';

describe('residents’ phone numbers', () => {
  test('mainland mobile numbers only', () => {
    expect(isMobileNumber('13812345678')).toBe(true);
    expect(isMobileNumber('19912345678')).toBe(true);
    expect(isMobileNumber('12812345678')).toBe(false);
    expect(isMobileNumber('1381234567')).toBe(false);
    expect(isMobileNumber('027-80000001')).toBe(false);
  });

  test('a masked number keeps the first three and last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('12345')).toBe('*****');
  });
});
