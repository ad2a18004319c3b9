import { isMobileNumber, maskPhone } from '../../miniprogram/shared/domain/phone';

describe('residents’ phone numbers', () => {
  test('mainland mobile numbers only', () => {
    for (const mobile of ['13812345678', '19912345678']) expect(isMobileNumber(mobile)).toBe(true);
    for (const other of ['12812345678', '1381234567', '027-80000001']) expect(isMobileNumber(other)).toBe(false);
  });

  test('a masked number keeps the first three and last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('12345')).toBe('*****');
  });
});
