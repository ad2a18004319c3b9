import type { DeputyOpinionEvent, DeputyOpinionView, InboxItem } from '../../miniprogram/shared/contract/opinion';
import { excerpt, hoursBetween, OPINION_EVENT_LABELS, awaitsDeputy } from '../../miniprogram/shared/domain/opinion';
import { RATING_LABELS } from '../../miniprogram/shared/domain/casework';
import { flaggedPhotos } from '../../miniprogram/shared/domain/moderation';
import { contactFor, opinionPhoneGranted } from '../../miniprogram/shared/domain/privacy';
import type { DeputyCaller } from './deputyCaller';
import { categoryOf, iso, statusOf, type OpinionDocument } from '../../infra/documents/opinions';

/** Waiting: hours since it was left. Handled: the hours it took the deputies to reply or forward it. */
export function waitedHours(opinion: Pick<OpinionDocument, 'status' | 'createdAt' | 'statusChangedAt' | 'reply' | 'forward'>, now: Date): number {
  const handledAt = opinion.reply?.at ?? opinion.forward?.at ?? opinion.statusChangedAt;
  const until = awaitsDeputy(opinion.status) ? now : new Date(handledAt);
  return hoursBetween(new Date(opinion.createdAt), until);
}

function addressedTo(opinion: Pick<OpinionDocument, 'deputyId'>, deputy: DeputyCaller): 'me' | 'station' {
  return opinion.deputyId === deputy.deputyId ? 'me' : 'station';
}

export function inboxItem(opinion: OpinionDocument, deputy: DeputyCaller, now: Date): InboxItem {
  return {
    opinionId: opinion._id,
    trackingNo: opinion.trackingNo,
    ...categoryOf(opinion),
    excerpt: excerpt(opinion.text),
    addressedTo: addressedTo(opinion, deputy),
    stationName: opinion.stationName,
    ...statusOf(opinion),
    createdAt: iso(opinion.createdAt),
    waitedHours: waitedHours(opinion, now),
    photoCount: opinion.photos.length,
  };
}

export function deputyView(opinion: OpinionDocument, deputy: DeputyCaller, now: Date, photos: DeputyOpinionView['photos']): DeputyOpinionView {
  const timeline = opinion.timeline.map((event) => {
    const shown: DeputyOpinionEvent = {
      type: event.type,
      label: OPINION_EVENT_LABELS[event.type],
      at: iso(event.at),
      actorRole: event.actorRole,
      public: event.public,
    };
    if (event.actorName) shown.actorName = event.actorName;
    if (event.note) shown.note = event.note;
    if (event.internalNote) shown.internalNote = event.internalNote;
    return shown;
  });
  const view: DeputyOpinionView = {
    opinionId: opinion._id,
    trackingNo: opinion.trackingNo,
    ...categoryOf(opinion),
    text: opinion.text,
    photos,
    // The phone in full only with the resident's consent to be contacted.
    contact: contactFor(opinion.contact, opinionPhoneGranted(opinion.contact)),
    addressedTo: addressedTo(opinion, deputy),
    stationName: opinion.stationName,
    ...statusOf(opinion),
    createdAt: iso(opinion.createdAt),
    waitedHours: waitedHours(opinion, now),
    flaggedForReview: opinion.moderation.suggest === 'review' || flaggedPhotos(opinion.moderation).length > 0,
    rating: opinion.rating
      ? {
          value: opinion.rating.value,
          label: RATING_LABELS[opinion.rating.value],
          ...(opinion.rating.comment ? { comment: opinion.rating.comment } : {}),
          at: iso(opinion.rating.at),
        }
      : null,
    timeline,
  };
  if (opinion.location) view.location = opinion.location;
  return view;
}
