/**
 * The people the demo seed places (runtime/seed/demoData.ts, demoCasework.ts, demoSuggestions.ts):
 * their WeChat openids, which local callers send as x-wx-openid. Tests name them from here instead
 * of spelling the ids again in every file.
 */

/** The demo resident, with opinions, bookings and messages of their own. */
export const DEMO_RESIDENT = 'demo-resident-001';

/** 临江市's administrator: every area, station and deputy of the city. */
export const CITY_STAFF = 'demo-staff-city';
/** 江南区's office: 南湖 (st-nanhu) and 青石 (st-qingshi). */
export const JIANGNAN_STAFF = 'demo-staff-jiangnan';
/** 北山's station staff (st-beishan, 江北区). */
export const BEISHAN_STAFF = 'demo-staff-beishan';

/** 江南区住房和城乡建设局's handler. */
export const JN_HOUSING_HANDLER = 'demo-handler-jn-zhujian';
/** 江南区民政局's handler. */
export const JN_CIVIL_HANDLER = 'demo-handler-jn-minzheng';
/** 江北区住房和城乡建设局's handler. */
export const JB_HOUSING_HANDLER = 'demo-handler-jb-zhujian';
/** 临江市住房和城乡建设局's handler. */
export const CITY_HOUSING_HANDLER = 'demo-handler-city-zhujian';
/** 临江市交通运输局's handler. */
export const CITY_TRANSPORT_HANDLER = 'demo-handler-city-jiaotong';
