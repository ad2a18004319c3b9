import type { MyOpinionDetail, OpinionPhoto } from '../../shared/contract/opinion';
import { callApi } from '../../services/api';
import { formatDateTime } from '../../utils/date';
import { failed, loading, settle, type Loaded } from '../../utils/load-state';
import { statusTheme, timelineItems, trackingGroups, type TimelineItem } from '../../views/opinion';

export interface MyOpinionView {
  trackingNo: string;
  trackingGroups: string[];
  categoryLabel: string;
  statusLabel: string;
  statusTheme: string;
  createdAt: string;
  /** 陈建华（临江街道人大代表联络站） */
  targetLabel: string;
  text: string;
  photos: OpinionPhoto[];
  locationLabel: string;
  contactLabel: string;
  /** Newest first. */
  timeline: TimelineItem[];
}

export type MyOpinionState = Loaded<MyOpinionView>;

export const initialMyOpinionState = loading<MyOpinionView>;

export function contactLabel(contact: MyOpinionDetail['contact']): string {
  if (!contact) return '';
  const who = [contact.name, contact.phone].filter(Boolean).join(' ');
  const consent = contact.mayContact ? '同意代表联系' : '不需要代表联系';
  return who ? `${who}（${consent}）` : consent;
}

export function toMyOpinionView(detail: MyOpinionDetail): MyOpinionView {
  const { target } = detail;
  return {
    trackingNo: detail.trackingNo,
    trackingGroups: trackingGroups(detail.trackingNo),
    categoryLabel: detail.categoryLabel,
    statusLabel: detail.statusLabel,
    statusTheme: statusTheme(detail.status),
    createdAt: formatDateTime(detail.createdAt),
    targetLabel: target.kind === 'deputy' && target.stationName ? `${target.name}（${target.stationName}）` : target.name,
    text: detail.text,
    photos: detail.photos,
    locationLabel: detail.location?.address ?? (detail.location ? '已附位置' : ''),
    contactLabel: contactLabel(detail.contact),
    timeline: timelineItems(detail.timeline),
  };
}

export function loadMyOpinion(opinionId: string | undefined): Promise<MyOpinionState> {
  if (!opinionId) return Promise.resolve(failed('OPINION.NOT_FOUND'));
  return settle(() => callApi('opinion.getMine', { opinionId }), toMyOpinionView);
}
