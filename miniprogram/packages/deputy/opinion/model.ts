import type { DeputyOpinionEvent, DeputyOpinionView, OpinionPhoto } from '../../../shared/contract/opinion';
import { OPINION_FORWARD_NOTE_MAX, OPINION_REPLY_MAX, awaitsDeputy, textLength } from '../../../shared/domain/opinion';
import { isMobileNumber } from '../../../shared/domain/phone';
import { callApi, toApiError } from '../../../services/api';
import { readStorage, removeStorage, showToast, writeStorage } from '../../../services/wx';
import { failed, loading, settle, type Loaded } from '../../../utils/load-state';
import { forDeputiesAndStaff, timelineItems, withInternalNote, type TimelineItem } from '../../../views/opinion';
import { opinionForDeputyLabels, type OpinionForDeputyLabels } from '../opinion-labels';

export const REPLY_MIN = 5;
export const FORWARD_NOTE_MIN = 2;

/** A start for the most common answers; the deputy edits them before sending. */
export const REPLY_PHRASES: readonly string[] = [
  '您好，您的意见我已收到，我会尽快了解情况，并向有关部门反映。',
  '感谢您的建议。欢迎在接待日到联络站来，我们当面细谈。',
  '您反映的情况我已了解，正在与有关部门沟通，有结果后会及时答复您。',
];

export const MESSAGES = {
  replyShort: `回复请至少写${REPLY_MIN}个字`,
  replyLong: `回复最多${OPINION_REPLY_MAX}个字，请精简`,
  noteShort: `请写明需要交办的事项（至少${FORWARD_NOTE_MIN}个字）`,
  noteLong: `交办说明最多${OPINION_FORWARD_NOTE_MAX}个字，请精简`,
  replied: '回复已发送',
  forwarded: '已转交人大工作人员',
} as const;

export interface ContactView {
  name: string;
  phone: string;
  /** The resident consented and left a full number: the deputy may call it. */
  canCall: boolean;
  /** Plain words on what the deputy may do with it. */
  note: string;
}

export interface OpinionForDeputyView extends OpinionForDeputyLabels {
  trackingNo: string;
  categoryLabel: string;
  text: string;
  photos: OpinionPhoto[];
  location: { latitude: number; longitude: number; address: string } | null;
  contact: ContactView;
  flaggedForReview: boolean;
  /** The deputy may still reply or forward. */
  awaiting: boolean;
  /** Once past the deputies: that they follow it read only (empty while awaiting). */
  followingNote: string;
  /** 居民评价：满意 — 希望以后快一点; empty before the resident rates. */
  ratingLabel: string;
  timeline: TimelineItem[];
}

/** The resident's rating as the deputy reads it. */
export function ratingLine(rating: DeputyOpinionView['rating']): string {
  if (!rating) return '';
  return rating.comment ? `${rating.label}：${rating.comment}` : rating.label;
}

export function contactView(contact: DeputyOpinionView['contact']): ContactView {
  if (!contact || (!contact.name && !contact.phone)) return { name: '', phone: '', canCall: false, note: '居民没有留下联系方式，请在这里回复' };
  const phone = contact.phone ?? '';
  if (contact.mayContact) {
    return { name: contact.name ?? '', phone, canCall: isMobileNumber(phone), note: '居民同意您打电话联系' };
  }
  return { name: contact.name ?? '', phone, canCall: false, note: '居民没有同意电话联系，号码已隐藏，请在这里回复' };
}

/** Deputies see the internal notes too, marked as such. */
function deputyTimeline(events: readonly DeputyOpinionEvent[]): TimelineItem[] {
  return timelineItems(
    events.map(forDeputiesAndStaff).map((event) => ({
      ...event,
      note: withInternalNote(event),
    })),
  );
}

export function toOpinionForDeputyView(opinion: DeputyOpinionView): OpinionForDeputyView {
  const awaiting = awaitsDeputy(opinion.status);
  return {
    trackingNo: opinion.trackingNo,
    categoryLabel: opinion.categoryLabel,
    ...opinionForDeputyLabels(opinion),
    text: opinion.text,
    photos: opinion.photos,
    location: opinion.location ? { latitude: opinion.location.latitude, longitude: opinion.location.longitude, address: opinion.location.address ?? '' } : null,
    contact: contactView(opinion.contact),
    flaggedForReview: opinion.flaggedForReview,
    awaiting,
    followingNote: awaiting ? '' : '这件意见已由人大工作人员受理或交办，您可以在这里跟踪办理进展和居民评价。',
    ratingLabel: ratingLine(opinion.rating),
    timeline: deputyTimeline(opinion.timeline),
  };
}

export function writtenTextError(text: string, min: number, max: number, short: string, long: string): string {
  const length = textLength(text);
  return length < min ? short : length > max ? long : '';
}

export interface DeputyOpinionState extends Loaded<OpinionForDeputyView> {
  phrases: readonly string[];
  reply: string;
  replyError: string;
  forwardOpen: boolean;
  forwardNote: string;
  forwardError: string;
  sending: boolean;
}

export function initialDeputyOpinionState(): DeputyOpinionState {
  return {
    ...loading<OpinionForDeputyView>(),
    phrases: REPLY_PHRASES,
    reply: '',
    replyError: '',
    forwardOpen: false,
    forwardNote: '',
    forwardError: '',
    sending: false,
  };
}

/** What the deputy sends in writing: how long it must be, what its box says otherwise, the call and its toast. */
interface Written {
  length: { min: number; max: number; short: string; long: string };
  errorField: 'replyError' | 'forwardError';
  call: (opinionId: string, text: string) => Promise<unknown>;
  done: string;
}

const REPLY: Written = {
  length: { min: REPLY_MIN, max: OPINION_REPLY_MAX, short: MESSAGES.replyShort, long: MESSAGES.replyLong },
  errorField: 'replyError',
  call: (opinionId, text) => callApi('opinion.reply', { opinionId, text }),
  done: MESSAGES.replied,
};

const FORWARD: Written = {
  length: { min: FORWARD_NOTE_MIN, max: OPINION_FORWARD_NOTE_MAX, short: MESSAGES.noteShort, long: MESSAGES.noteLong },
  errorField: 'forwardError',
  call: (opinionId, note) => callApi('opinion.forward', { opinionId, note }),
  done: MESSAGES.forwarded,
};

export function replyDraftKey(opinionId: string): string {
  return `deputy.replyDraft.${opinionId}`;
}

/**
 * One opinion, as its deputy handles it: read it (opening marks it read), then reply in a few
 * words or forward it to the congress staff with a note. What the deputy has typed is kept on
 * the phone until it is sent.
 */
export function createDeputyOpinion(opinionId: string, render: (change: Partial<DeputyOpinionState>) => void) {
  const savedReply = readStorage(replyDraftKey(opinionId));
  let reply = typeof savedReply === 'string' ? savedReply : '';
  let forwardNote = '';
  let sending = false;

  function setReply(text: string): void {
    reply = text;
    writeStorage(replyDraftKey(opinionId), reply);
    render({ reply, replyError: '' });
  }

  async function load(): Promise<void> {
    render({ ...loading<OpinionForDeputyView>(), reply, replyError: '', forwardError: '' });
    if (!opinionId) {
      render(failed('OPINION.NOT_FOUND'));
      return;
    }
    render(await settle(() => callApi('opinion.getForDeputy', { opinionId }), toOpinionForDeputyView));
  }

  /**
   * Sends what the deputy wrote once it is long enough, else its box says why; answers whether it
   * went. Someone else having handled the opinion first shows it anew.
   */
  async function send(text: string, written: Written): Promise<boolean> {
    if (sending) return false;
    const { errorField, length } = written;
    const problem = writtenTextError(text, length.min, length.max, length.short, length.long);
    if (problem) {
      render({ [errorField]: problem });
      return false;
    }
    sending = true;
    render({ sending: true, [errorField]: '' });
    try {
      await written.call(opinionId, text.trim());
      showToast(written.done);
      return true;
    } catch (error) {
      const apiError = toApiError(error, 'deputy opinion');
      render({ [errorField]: apiError.message });
      if (apiError.code === 'OPINION.ALREADY_HANDLED') await load();
      return false;
    } finally {
      sending = false;
      render({ sending: false });
    }
  }

  return {
    load,
    setReply,
    /** A preset phrase replaces what is in the box: the deputy then edits it. */
    usePhrase: setReply,
    async sendReply(): Promise<void> {
      if (!(await send(reply, REPLY))) return;
      reply = '';
      removeStorage(replyDraftKey(opinionId));
      await load();
    },
    toggleForward(open: boolean): void {
      render({ forwardOpen: open, forwardError: '' });
    },
    setForwardNote(text: string): void {
      forwardNote = text;
      render({ forwardNote, forwardError: '' });
    },
    async sendForward(): Promise<void> {
      if (!(await send(forwardNote, FORWARD))) return;
      forwardNote = '';
      render({ forwardOpen: false, forwardNote });
      await load();
    },
  };
}
