/** One call of each action, as a user would make it, with the database requests it cost. */
type Post = (fn: string, event: unknown, openid?: string) => Promise<number>;

export async function measureActions(post: Post): Promise<Array<[string, number]>> {
  const resident = 'bench-actions-resident';
  const calls: Array<[string, string, unknown, string?]> = [
    ['directory.listAreas', 'directory', {}],
    ['directory.listStations', 'directory', { areaId: 'area-jiangnan' }],
    ['directory.getStation', 'directory', { stationId: 'st-linjiang' }],
    ['directory.getDeputy', 'directory', { deputyId: 'dp-001' }],
    ['account.getProfile', 'account', {}, resident],
    ['account.updatePreferences (first time)', 'account', { fontScale: 'large' }, resident],
    ['account.updatePreferences (again)', 'account', { fontScale: 'extraLarge' }, resident],
  ];
  const rows: Array<[string, number]> = [];
  for (const [label, fn, payload, openid] of calls) {
    const action = label.split(' ')[0] as string;
    rows.push([label, await post(fn, { action, payload }, openid)]);
  }
  return rows;
}
