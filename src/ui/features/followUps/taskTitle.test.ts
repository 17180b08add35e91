import { describe, expect, it } from 'vitest';
import { asIsoDateTime } from '../../../domain/ids';
import type { TaskTitleTemplate } from '../../../domain/task';
import { FOLLOW_UPS_TEXT } from './followUpsText';
import { taskTitle } from './taskTitle';

const at = (iso: string) => `«${iso.slice(11, 16)}»`;

describe('taskTitle', () => {
  const template: TaskTitleTemplate = {
    code: 'rebook_missed_appointment',
    provider: 'Dr. Lee',
    reason: 'Check-up',
    startsAt: asIsoDateTime('2026-11-02T14:00:00.000Z'),
  };
  const missed = { title: 'Dr. Lee', titleTemplate: template };

  it("says the app's own titles in the reader's language, with the time in their format", () => {
    expect(taskTitle(missed, FOLLOW_UPS_TEXT.en, at)).toBe('Call to rebook the missed visit with Dr. Lee («14:00»): Check-up');
    expect(taskTitle(missed, FOLLOW_UPS_TEXT.es, at)).toBe('Llamar para reprogramar la visita perdida con Dr. Lee («14:00»): Check-up');
  });

  it('leaves out what is not known', () => {
    const bare = { title: 'Dr. Lee', titleTemplate: { ...template, code: 'reminder_before_appointment', reason: '', startsAt: null } } as const;
    expect(taskTitle(bare, FOLLOW_UPS_TEXT.en, at)).toBe('Reminder call before the visit with Dr. Lee');
  });

  it('shows a typed title, or an older record without a template, as written', () => {
    expect(taskTitle({ title: 'Call back after 3 pm', titleTemplate: null }, FOLLOW_UPS_TEXT.es, at)).toBe('Call back after 3 pm');
    expect(taskTitle({ title: 'Call back after 3 pm' }, FOLLOW_UPS_TEXT.en, at)).toBe('Call back after 3 pm');
  });
});
