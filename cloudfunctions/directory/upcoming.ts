/** How many upcoming reception days a deputy or station page shows. */
export const UPCOMING_DAYS_SHOWN = 6;

export const DEPUTY_SUMMARY_FIELDS = { _id: 1, code: 1, name: 1, level: 1, photoUrl: 1 } as const;
export const STATION_SUMMARY_FIELDS = { _id: 1, code: 1, name: 1, areaId: 1, address: 1 } as const;
export const RECEPTION_DAY_FIELDS = { _id: 1, stationId: 1, date: 1, windows: 1, deputyIds: 1 } as const;
