import { describe, expect, it } from 'vitest';
import type { NoteStatus } from './contactNote';
import type { UserId } from './ids';
import { discardRefusal } from './noteDiscard';

describe('discardRefusal: only the author, only a draft', () => {
  it.each<[NoteStatus, string, string | null]>([
    ['draft', 'u1', null],
    ['draft', 'u2', 'not_author'],
    ['signed', 'u1', 'not_a_draft'],
    ['entered_in_error', 'u1', 'not_a_draft'],
  ])('%s note, discarded by %s -> %s', (status, userId, refusal) => {
    expect(discardRefusal({ status, authorId: 'u1' as UserId }, userId)).toBe(refusal);
  });
});
