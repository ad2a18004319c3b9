/** One call of each common action, as a user would make it, with the database requests it cost. */
type Post = (fn: string, event: unknown, openid?: string) => Promise<number>;

const RESIDENT = 'bench-actions-resident';
const CITY_STAFF = 'demo-staff-city';

export async function measureActions(post: Post): Promise<Array<[string, number]>> {
  const thisMonth = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 8);
  const calls: Array<[string, string, unknown, string?]> = [
    ['directory.listAreas', 'directory', {}],
    ['directory.listStations', 'directory', { areaId: 'area-jiangnan' }],
    ['directory.getStation', 'directory', { stationId: 'st-linjiang' }],
    ['directory.getDeputy', 'directory', { deputyId: 'dp-001' }],
    ['directory.resolveScene', 'directory', { scene: 'd=D001' }],
    ['account.getProfile', 'account', {}, RESIDENT],
    ['account.updatePreferences (first time)', 'account', { fontScale: 'large' }, RESIDENT],
    ['account.updatePreferences (again)', 'account', { fontScale: 'extraLarge' }, RESIDENT],
    [
      'opinion.submit',
      'opinion',
      { clientRequestId: 'bench-opinion-0001', target: { deputyId: 'dp-001' }, category: 'transport', text: '小区门口的公交站台没有遮雨棚，老人等车很不方便。' },
      RESIDENT,
    ],
    ['opinion.listMine', 'opinion', {}, RESIDENT],
    ['booking.listDays', 'booking', { stationId: 'st-linjiang' }, RESIDENT],
    ['booking.listMine', 'booking', {}, RESIDENT],
    ['casework.stats', 'casework', { from: `${thisMonth}01`, to: `${thisMonth}28` }, CITY_STAFF],
    ['suggestion.list', 'suggestion', { view: 'handling' }, CITY_STAFF],
    ['suggestion.stats', 'suggestion', { sessionId: 'ss-demo-city-6' }, CITY_STAFF],
  ];
  const rows: Array<[string, number]> = [];
  for (const [label, fn, payload, openid] of calls) {
    const action = label.split(' ')[0] as string;
    rows.push([label, await post(fn, { action, payload }, openid)]);
  }
  return rows;
}
