import { decodeScene, encodeScene, SCENE_MAX_LENGTH } from '../../miniprogram/shared/domain/scene';

describe('QR scenes name a deputy or a station in a few characters', () => {
  test('a deputy and a station scene round-trip', () => {
    expect(encodeScene({ kind: 'deputy', code: 'D001' })).toBe('d=D001');
    expect(encodeScene({ kind: 'station', code: 'LJ01' })).toBe('s=LJ01');
    expect(decodeScene('d=D001')).toEqual({ kind: 'deputy', code: 'D001' });
    expect(decodeScene('s=LJ01')).toEqual({ kind: 'station', code: 'LJ01' });
  });

  test('the URL-encoded form a page receives in options.scene is read too, in any case', () => {
    expect(decodeScene('d%3DD001')).toEqual({ kind: 'deputy', code: 'D001' });
    expect(decodeScene(' s=lj01 ')).toEqual({ kind: 'station', code: 'LJ01' });
  });

  test('the longest codes still fit WeChat’s 32 characters', () => {
    expect(encodeScene({ kind: 'deputy', code: 'ABCDEFGHJK12' }).length).toBeLessThanOrEqual(SCENE_MAX_LENGTH);
  });

  test.each(['', 'x=D001', 'd=', 'd=D-01', 'd=D001&s=LJ01', '%E0%A4%A', `d=${'A'.repeat(40)}`, 's=TOOLONGCODE1'])('%j names nothing', (scene) => {
    expect(decodeScene(scene)).toBeNull();
  });

  test('a code that could not be scanned back is refused when encoding', () => {
    expect(() => encodeScene({ kind: 'station', code: 'lj-01' })).toThrow(RangeError);
  });
});
