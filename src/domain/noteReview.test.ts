import { describe, expect, it } from 'vitest';
import { isReview, reviewRefusal, reviewsOf } from './noteReview';

describe('note review', () => {
  it('only a signed note is reviewed, and a review says something', () => {
    expect(reviewRefusal({ status: 'signed' }, 'Good plan.')).toBeNull();
    expect(reviewRefusal({ status: 'draft' }, 'Good plan.')).toBe('not_signed');
    expect(reviewRefusal({ status: 'entered_in_error' }, 'Good plan.')).toBe('not_signed');
    expect(reviewRefusal({ status: 'signed' }, '  \n ')).toBe('text_missing');
  });

  it("tells a supervisor's review from the author's own addenda, old ones included", () => {
    expect(isReview({ review: { cosign: true } })).toBe(true);
    expect(isReview({ review: { cosign: false } })).toBe(true);
    expect(isReview({ review: null })).toBe(false);
    expect(isReview({})).toBe(false);
    const addenda = [
      { noteId: 'n1', at: '2026-12-07T10:00:00.000Z', review: { cosign: false } },
      { noteId: 'n1', at: '2026-12-06T10:00:00.000Z', review: { cosign: true } },
      { noteId: 'n1', at: '2026-12-05T10:00:00.000Z' },
      { noteId: 'n2', at: '2026-12-05T10:00:00.000Z', review: { cosign: true } },
    ];
    expect(reviewsOf(addenda, 'n1').map((a) => a.at)).toEqual(['2026-12-06T10:00:00.000Z', '2026-12-07T10:00:00.000Z']);
  });
});
