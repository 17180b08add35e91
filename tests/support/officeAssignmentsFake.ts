/**
 * Test-only: the office's assignment routes in the in-memory office server
 * (officeConsoleHarness.tsx): who works which territory, coverages (arranged and cancelled),
 * and moving patients by a filter, counted first. Enough server to watch the section's steps.
 */
import type { AssignmentsResponse, Coverage } from '../../src/protocol/officeAssignments';

export interface FakeAssignments {
  value: AssignmentsResponse;
  /** Patients per territory and postal code, for the move's count. */
  patients: { territoryId: string; postalCode: string }[];
}

const NOW = '2026-12-07T14:00:00.000Z';
const TODAY = '2026-12-07';

export function fakeAssignments(): FakeAssignments {
  return {
    value: {
      today: TODAY,
      specialists: [
        { id: 'user-ana', name: 'Ana Field', territories: [{ id: 'ter-north', name: 'North' }], coverages: [] },
        { id: 'user-ben', name: 'Ben Field', territories: [{ id: 'ter-south', name: 'South' }], coverages: [] },
      ],
      territories: [
        { id: 'ter-north', name: 'North', patientCount: 3 },
        { id: 'ter-south', name: 'South', patientCount: 1 },
      ],
    },
    patients: [
      { territoryId: 'ter-north', postalCode: '01901' },
      { territoryId: 'ter-north', postalCode: '01901' },
      { territoryId: 'ter-north', postalCode: '01902' },
      { territoryId: 'ter-south', postalCode: '02101' },
    ],
  };
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Answers the assignment routes; null for any other request. */
export function routeAssignments(state: FakeAssignments, self: { id: string }, method: string, url: URL, body: Record<string, unknown>): Response | null {
  if (method === 'GET' && url.pathname === '/api/office/assignments') return json(200, state.value);
  if (method === 'POST' && url.pathname === '/api/office/coverages') {
    const person = state.value.specialists.find((s) => s.id === body.userId);
    const territory = state.value.territories.find((t) => t.id === body.territoryId);
    if (!person || !territory) return json(404, { error: { code: 'not_found', message: 'No such person or territory in your team' } });
    const coverage: Coverage = {
      id: `cov-${person.coverages.length + 1}`, userId: person.id, userName: person.name, territoryId: territory.id, territoryName: territory.name,
      from: String(body.from), to: String(body.to), createdBy: self.id, createdAt: NOW, current: String(body.from) <= TODAY,
    };
    state.value = { ...state.value, specialists: state.value.specialists.map((s) => (s.id === person.id ? { ...s, coverages: [...s.coverages, coverage] } : s)) };
    return json(200, coverage);
  }
  const [, cancelId] = /^\/api\/office\/coverages\/([^/]+)\/cancel$/.exec(url.pathname) ?? [];
  if (method === 'POST' && cancelId) {
    state.value = { ...state.value, specialists: state.value.specialists.map((s) => ({ ...s, coverages: s.coverages.filter((c) => c.id !== cancelId) })) };
    return json(200, { id: cancelId, cancelled: true });
  }
  if (method === 'POST' && url.pathname === '/api/office/patients/move') {
    const filter = body.filter as { fromTerritoryId: string; postalCode?: string };
    const matching = state.patients.filter((p) => p.territoryId === filter.fromTerritoryId && (filter.postalCode === undefined || p.postalCode === filter.postalCode));
    if (body.dryRun !== true) for (const p of matching) p.territoryId = String(body.territoryId);
    return json(200, { count: matching.length, alreadyThere: 0, dryRun: body.dryRun === true });
  }
  return null;
}
