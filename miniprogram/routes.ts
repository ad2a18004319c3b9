/** The pages of the main package, as app.json lists them, and the URLs that open them. */
export const PAGES = {
  home: 'pages/home/index',
  stations: 'pages/stations/index',
  station: 'pages/station/index',
  deputy: 'pages/deputy/index',
} as const;

const KNOWN_PAGES: ReadonlySet<string> = new Set(Object.values(PAGES));

export const STATIONS_URL = `/${PAGES.stations}`;

export function stationUrl(stationId: string): string {
  return `/${PAGES.station}?stationId=${encodeURIComponent(stationId)}`;
}

export function deputyUrl(deputyId: string): string {
  return `/${PAGES.deputy}?deputyId=${encodeURIComponent(deputyId)}`;
}

/**
 * The URL to open for a page path carried by one of our mini-program codes
 * (`pages/station/index?stationId=…`), or null when it is not a page of ours.
 */
export function urlForPagePath(pagePath: string): string | null {
  const normalized = pagePath.trim().replace(/^\/+/, '');
  const page = normalized.split('?')[0] ?? '';
  return KNOWN_PAGES.has(page) ? `/${normalized}` : null;
}
