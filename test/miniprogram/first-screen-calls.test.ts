/** @jest-environment jsdom */
/**
 * How many cloud calls a page's first screen costs, counted on the wx double (both transports),
 * against the real local runtime: a basic CloudBase environment allows about 30 database requests
 * a second, and every call a first screen makes is paid by every person opening it. The phone
 * holds the caller's profile as it does after the home page has shown once (PROFILE_STORAGE_KEY);
 * staff pages take the scope from it instead of asking the account again. Home, launched cold,
 * asks the account once for the font size sync and its role entries together.
 */
import { PROFILE_STORAGE_KEY } from '../../miniprogram/stores/profile';
import { startPageRuntime, type PageRuntime } from './support/local-runtime';
import { openPage, type PageName } from './support/page';
import { callAs, CITY_STAFF } from './support/runtime-calls';
import { installWx, localRuntimeFunctions } from './support/wx-double';

const STATION_STAFF = 'demo-staff-beishan';

let runtime: PageRuntime;
let heldProfile: unknown;
/** The profile as the phone remembers it (stores/profile.ts rememberProfile). */
async function heldProfileOf(openid: string): Promise<unknown> {
  const profile = await callAs(runtime.url, openid, 'account.getProfile', {});
  return { roles: profile.roles, deputy: profile.deputy, staff: profile.staff, holidaysMissingYears: profile.holidaysMissingYears };
}
beforeAll(async () => {
  runtime = await startPageRuntime();
  heldProfile = await heldProfileOf(CITY_STAFF);
});
afterAll(async () => runtime.stop());

async function firstScreen(name: PageName, query: Record<string, string> = {}, launch = false, openid = CITY_STAFF) {
  const held = openid === CITY_STAFF ? heldProfile : await heldProfileOf(openid);
  const wx = installWx({ functions: localRuntimeFunctions(runtime.url, openid), storage: launch ? {} : { [PROFILE_STORAGE_KEY]: held } });
  await openPage(name, query, { launch });
  // Whatever the first screen starts after leaving its loading state (a second step) is counted too.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return wx.cloudCalls.map((call) => call.action);
}

describe('the staff pages take the scope the phone holds, not the account again', () => {
  it.each<PageName>(['staffStats', 'staffRoster', 'staffStationEdit', 'staffDeputyEdit', 'staffSuggestionSessions'])('%s', async (name) => {
    expect(await firstScreen(name)).not.toContain('account.getProfile');
  });
});

describe('home, launched cold, asks the account once', () => {
  it('one account.getProfile for the font size and the role entries together', async () => {
    const calls = await firstScreen('home', {}, true);
    expect(calls.filter((action) => action === 'account.getProfile')).toEqual(['account.getProfile']);
  });
});

/** Calls per first screen, page by page: at most one (issue 18). */
describe('calls on each first screen', () => {
  it('staffStats of a station’s staff: the figures and their deputies in one call', async () => {
    expect(await firstScreen('staffStats', {}, false, STATION_STAFF)).toEqual(['casework.statsScreen']);
  });

  it('staffRoster of a station’s staff: no profile asked again', async () => {
    const calls = await firstScreen('staffRoster', {}, false, STATION_STAFF);
    expect(calls).not.toContain('account.getProfile');
    expect(calls.length).toBeLessThanOrEqual(3);
  });

  it.each<PageName>([
    'home',
    'staffRoster',
    'staffSchedule',
    'staffStats',
    'staffStationEdit',
    'staffDeputyEdit',
    'staffDirectory',
    'stations',
    'staffCases',
    'staffHolidays',
    'staffSuggestionSessions',
  ])('%s', async (name) => {
    const calls = await firstScreen(name);
    expect({ name, calls }).toEqual({ name, calls: calls.slice(0, 1) });
  });
});
