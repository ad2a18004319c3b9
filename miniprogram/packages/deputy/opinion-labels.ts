import type { OpinionForDeputy } from '../../shared/contract/opinion';
import { awaitsDeputy } from '../../shared/domain/opinion';
import { formatDateTime } from '../../utils/date';
import { durationLabel, statusTheme } from '../../views/opinion';

/** Where an opinion stands, in the deputy's words: in the inbox and on the opinion alike. */
export interface OpinionForDeputyLabels {
  /** 写给您 / 写给联络站：临江街道人大代表联络站 */
  addressedLabel: string;
  statusLabel: string;
  statusTheme: string;
  createdAt: string;
  /** 已等待 3天 while it waits for the deputy; 用时 5小时 once handled. */
  waitedLabel: string;
}

export function opinionForDeputyLabels(opinion: OpinionForDeputy): OpinionForDeputyLabels {
  return {
    addressedLabel: opinion.addressedTo === 'me' ? '写给您' : `写给联络站：${opinion.stationName}`,
    statusLabel: opinion.statusLabel,
    statusTheme: statusTheme(opinion.status),
    createdAt: formatDateTime(opinion.createdAt),
    waitedLabel: `${awaitsDeputy(opinion.status) ? '已等待' : '用时'} ${durationLabel(opinion.waitedHours)}`,
  };
}
