/** A small seeded generator (mulberry32): the same seed builds the same city on every machine. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.below(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '建华国平秀英志强丽明红梅海波春兰大勇美玲文博晓东德军桂芳玉兰永刚金凤立新淑珍雪梅宏伟丽娟俊杰欣怡子涵浩然雨萱思远嘉怡宇航佳琪';

/** An invented Chinese name. */
export function personName(random: Random): string {
  const given = GIVEN[random.below(GIVEN.length)] + (random.chance(0.7) ? GIVEN[random.below(GIVEN.length)] : '');
  return SURNAMES[random.below(SURNAMES.length)] + given;
}
