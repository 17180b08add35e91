/**
 * Test-only: canned answers of `GET /api/office/overview` and `GET /api/office/funnel` that pass
 * the wire schemas (src/protocol/officeMetrics.ts), small and hand-checkable, and large ones
 * (many specialists, a year of weeks) for timing the screens.
 */
import type { ContactTally, FunnelCounts, FunnelResponse, OverviewResponse } from '../../src/protocol/officeMetrics';

export const REPORTS_AS_OF = '2026-12-07T14:00:00.000Z';

export function tally(fields: Partial<ContactTally> = {}): ContactTally {
  const t: ContactTally = {
    contactsAttempted: 0, contactsReached: 0, patientsAttempted: 0, patientsReached: 0, reachRate: null,
    visitsCompleted: 0, appointmentsSet: 0, portalEnrollments: 0, rpmSetups: 0, hrasCompleted: 0, surveysCompleted: 0,
    referrals: 0, teachBackConfirmed: 0, gapsClosedInContact: 0,
    ...fields,
  };
  return fields.reachRate !== undefined || t.patientsAttempted === 0 ? t : { ...t, reachRate: t.patientsReached / t.patientsAttempted };
}

/**
 * Four weeks: 1,250 contacts, 400 of 600 patients reached (67%); reach rate 40% → 50% → 45% →
 * 60% week by week; two specialists (one a hostile name, for the CSV), two territories.
 */
export function fakeOverview(): OverviewResponse {
  return {
    dataAsOf: REPORTS_AS_OF,
    followUpDays: 7,
    totals: {
      ...tally({ contactsAttempted: 1250, contactsReached: 700, patientsAttempted: 600, patientsReached: 400, visitsCompleted: 210, appointmentsSet: 95,
        portalEnrollments: 31, rpmSetups: 12, hrasCompleted: 44, surveysCompleted: 20, referrals: 9, teachBackConfirmed: 60, gapsClosedInContact: 17 }),
      appointmentsKept: 70, noShows: 15, noShowsFollowedUp: 9, satisfactionResponses: 20, satisfactionAverage: 4.25,
    },
    outcomes: [
      { outcome: 'reached', contacts: 700 },
      { outcome: 'no_answer', contacts: 400 },
      { outcome: 'not_home', contacts: 149 },
      { outcome: 'none', contacts: 1 },
    ],
    bySpecialist: [
      { ...tally({ contactsAttempted: 800, contactsReached: 450, patientsAttempted: 350, patientsReached: 250, visitsCompleted: 150 }), authorId: 'user-ana', name: 'Ana Field' },
      { ...tally({ contactsAttempted: 450, contactsReached: 250, patientsAttempted: 250, patientsReached: 150, visitsCompleted: 60 }), authorId: 'user-cy', name: '=HYPERLINK("x")' },
    ],
    byTerritory: [
      { ...tally({ contactsAttempted: 900, contactsReached: 500, patientsAttempted: 420, patientsReached: 290 }), territoryId: 'ter-north', name: 'North' },
      { ...tally({ contactsAttempted: 350, contactsReached: 200, patientsAttempted: 180, patientsReached: 110 }), territoryId: 'ter-south', name: 'South' },
    ],
    weekly: [
      { ...tally({ contactsAttempted: 300, contactsReached: 150, patientsAttempted: 200, patientsReached: 80 }), weekStart: '2026-11-09' },
      { ...tally({ contactsAttempted: 320, contactsReached: 180, patientsAttempted: 200, patientsReached: 100 }), weekStart: '2026-11-16' },
      { ...tally({ contactsAttempted: 310, contactsReached: 170, patientsAttempted: 200, patientsReached: 90 }), weekStart: '2026-11-23' },
      { ...tally({ contactsAttempted: 320, contactsReached: 200, patientsAttempted: 200, patientsReached: 120 }), weekStart: '2026-11-30' },
    ],
    gapsClosedByMeasure: [
      { measure: 'BCS', closed: 10 },
      { measure: 'CBP', closed: 7 },
    ],
  };
}

function counts(attempted: number, reached: number, appointmentSet: number, appointmentKept: number, gapClosed: number): FunnelCounts {
  return { attempted, reached, appointmentSet, appointmentKept, gapClosed };
}

/** 600 patients attempted → 400 reached → 100 set → 80 kept → 20 gaps closed; Spanish speakers answer more. */
export function fakeFunnel(): FunnelResponse {
  return {
    dataAsOf: REPORTS_AS_OF,
    territoryNames: { 'ter-north': 'North', 'ter-south': 'South' },
    totals: counts(600, 400, 100, 80, 20),
    by: {
      language: [{ value: 'en', ...counts(400, 240, 60, 50, 12) }, { value: 'es', ...counts(180, 150, 38, 29, 8) }, { value: 'unknown', ...counts(20, 10, 2, 1, 0) }],
      ageBand: [{ value: '18-44', ...counts(200, 120, 30, 20, 5) }, { value: '75+', ...counts(400, 280, 70, 60, 15) }],
      channel: [{ value: 'call', ...counts(300, 150, 40, 30, 8) }, { value: 'visit', ...counts(200, 200, 50, 45, 10) }, { value: 'message', ...counts(100, 40, 10, 5, 2) }],
      territory: [{ value: 'ter-north', ...counts(420, 290, 70, 60, 15) }, { value: 'ter-south', ...counts(180, 110, 30, 20, 5) }],
    },
  };
}

/** A large answer: `specialists` rows, `weeks` weekly rows, 20 territories (for timing the screens). */
export function bigOverview(specialists = 50, weeks = 52): OverviewResponse {
  const base = fakeOverview();
  const start = Date.parse('2025-12-08T00:00:00Z');
  const row = (i: number) => tally({ contactsAttempted: 1000 + i * 7, contactsReached: 500 + i * 3, patientsAttempted: 400 + i, patientsReached: 200 + i, visitsCompleted: 100 + i });
  return {
    ...base,
    bySpecialist: Array.from({ length: specialists }, (_, i) => ({ ...row(i), authorId: `user-${i}`, name: `Specialist ${i + 1}` })),
    byTerritory: Array.from({ length: 20 }, (_, i) => ({ ...row(i), territoryId: `ter-${i}`, name: `Territory ${i + 1}` })),
    weekly: Array.from({ length: weeks }, (_, i) => ({ ...row(i % 13), weekStart: new Date(start + i * 7 * 86_400_000).toISOString().slice(0, 10) })),
  };
}
