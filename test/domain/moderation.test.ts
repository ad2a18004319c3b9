import {
  applyMediaVerdict,
  awaitingReview,
  contentHold,
  decide,
  flaggedPhotos,
  isPublished,
  moderationForNew,
  visiblePhotos,
  type PhotoCheck,
} from '../../miniprogram/shared/domain/moderation';

const pending = (fileID: string, traceId: string): PhotoCheck => ({ fileID, traceId, verdict: 'pending' });

describe('content safety of an opinion', () => {
  test('text WeChat passed is published at once; its photos are hidden until WeChat passes them', () => {
    const moderation = moderationForNew({ suggest: 'pass' }, [pending('a', 't1'), pending('b', 't2')]);
    expect(isPublished(moderation)).toBe(true);
    expect(visiblePhotos(['a', 'b'], moderation)).toEqual([]);
    expect(awaitingReview(moderation)).toBe(false);
    const passed = applyMediaVerdict(moderation, 't1', 'pass')!;
    expect(visiblePhotos(['a', 'b'], passed)).toEqual(['a']);
    expect(passed.awaitingReview).toBe(false);
  });

  test('text WeChat asked a human to look at is held and queued for staff', () => {
    const moderation = moderationForNew({ suggest: 'review', label: 10001 }, []);
    expect(isPublished(moderation)).toBe(false);
    expect(moderation.awaitingReview).toBe(true);
    expect(isPublished(decide(moderation, 'approved'))).toBe(true);
    const rejected = decide(moderation, 'rejected');
    expect(rejected.state).toBe('rejected');
    expect(isPublished(rejected)).toBe(false);
    expect(rejected.awaitingReview).toBe(false);
  });

  test('a flagged photo waits for staff: approved it is shown, rejected never', () => {
    const moderation = applyMediaVerdict(moderationForNew({ suggest: 'pass' }, [pending('a', 't1'), pending('b', 't2')]), 't2', 'risky', 20002)!;
    expect(moderation.awaitingReview).toBe(true);
    expect(flaggedPhotos(moderation).map((p) => p.fileID)).toEqual(['b']);
    expect(visiblePhotos(['a', 'b'], decide(moderation, 'approved'))).toEqual(['b']);
    const rejected = decide(moderation, 'rejected');
    expect(visiblePhotos(['a', 'b'], rejected)).toEqual([]);
    expect(rejected.awaitingReview).toBe(false);
    // A staff decision does not publish photos WeChat has not answered yet.
    expect(rejected.photos?.find((p) => p.fileID === 'a')?.verdict).toBe('pending');
  });

  test('a verdict for a trace id the opinion never sent changes nothing', () => {
    expect(applyMediaVerdict(moderationForNew({ suggest: 'pass' }, [pending('a', 't1')]), 'forged', 'pass')).toBeNull();
  });

  test('opinions stored before checks existed stay published with their photos', () => {
    expect(isPublished({ suggest: 'pass' })).toBe(true);
    expect(visiblePhotos(['a'], { suggest: 'pass' })).toEqual(['a']);
  });

  test('held or rejected text holds the opinion back from case handling; a flagged photo does not', () => {
    const held = moderationForNew({ suggest: 'review' }, []);
    expect(contentHold(held)).toBe('held');
    expect(contentHold(decide(held, 'rejected'))).toBe('rejected');
    expect(contentHold(decide(held, 'approved'))).toBeNull();
    const photoFlagged = applyMediaVerdict(moderationForNew({ suggest: 'pass' }, [pending('a', 't1')]), 't1', 'risky')!;
    expect(contentHold(photoFlagged)).toBeNull();
    expect(contentHold(undefined)).toBeNull();
    expect(contentHold({ suggest: 'pass' } as never)).toBeNull();
  });
});
