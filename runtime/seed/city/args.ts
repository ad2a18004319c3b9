/** `--scale demo|city` and `--fraction F` (0 < F ≤ 1: the share of the city's people, cases and bookings). */
export interface SeedArgs {
  scale: 'demo' | 'city';
  fraction: number;
}

export function parseSeedArgs(argv: readonly string[]): SeedArgs {
  const valueOf = (flag: string): string | undefined => {
    const at = argv.findIndex((arg) => arg === flag || arg.startsWith(`${flag}=`));
    if (at === -1) return undefined;
    const arg = argv[at] as string;
    return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[at + 1];
  };
  const scale = valueOf('--scale') ?? 'demo';
  if (scale !== 'demo' && scale !== 'city') throw new Error(`--scale must be demo or city, got ${scale}`);
  const fraction = Number(valueOf('--fraction') ?? 1);
  if (!(fraction > 0 && fraction <= 1)) throw new Error(`--fraction must be in (0, 1], got ${valueOf('--fraction')}`);
  return { scale, fraction };
}
