/**
 * S10 needs the device and the server to compute a note's seal identically: the device signs
 * with hashNoteContent (Web Crypto), the server checks with contentHashOf (node:crypto). Both
 * must agree on every note, whatever the key order or the characters in it.
 */
import { expect, it } from 'vitest';
import type { ContactNote } from '../../src/domain/contactNote';
import { hashNoteContent } from '../../src/storage/hashNote';
import { contentHashOf } from '../../server/src/changes/noteRules';

const note = {
  mode: 'phone_call',
  contactAt: '2026-11-20T09:30:00.000Z',
  durationMinutes: 12,
  outcome: 'reached',
  activities: [
    { kind: 'education', topic: 'Presión arterial — diario', materialGiven: false, teachBack: 'partly' },
    { kind: 'appointment', action: 'set', provider: 'Dr. Osei', reason: 'Follow-up', startsAt: null, mode: 'video', appointmentId: null },
  ],
  text: 'Línea 1\nLine 2 "quoted" 😊',
  followUps: [{ id: 't-1', title: 'Call back', dueDate: '2026-11-27', ownerName: 'Ana' }],
  escalation: null,
  // Not content: must not change the seal.
  status: 'signed',
  authorName: 'Ana Tester',
} as const;
const asNote = (fields: object) => fields as unknown as ContactNote;

it('[S10] the device and the server compute the same content hash', async () => {
  expect(contentHashOf(note)).toBe(await hashNoteContent(asNote(note)));
});

it('[S10] key order and fields outside the content do not change the seal', async () => {
  const reordered = Object.fromEntries(Object.entries(note).reverse().filter(([k]) => k !== 'authorName'));
  expect(contentHashOf(reordered)).toBe(await hashNoteContent(asNote(note)));
});
