import { describe, expect, it } from 'vitest';
import { dropOffSentence, funnelSentence, trendSentence } from './summaries';

const weeks = (...values: (number | null)[]) =>
  values.map((value, i) => ({ weekStart: new Date(Date.parse('2026-11-02T00:00:00Z') + i * 7 * 86_400_000).toISOString().slice(0, 10), value }));

const counts = (attempted: number, reached: number, appointmentSet = 0, appointmentKept = 0, gapClosed = 0) => ({ attempted, reached, appointmentSet, appointmentKept, gapClosed });

describe('trendSentence', () => {
  it('says a rate rose, fell or stayed, first week to last, in EN and ES', () => {
    expect(trendSentence('en', 'reachRate', weeks(0.41, 0.3, 0.5, 0.45, 0.47, 0.48))).toBe('Reach rate rose from 41% to 48% over 6 weeks.');
    expect(trendSentence('es', 'reachRate', weeks(0.41, 0.48))).toBe('La tasa de contacto subió de 41\u00a0% a 48\u00a0% en 2 semanas.');
    expect(trendSentence('en', 'reachRate', weeks(0.6, 0.4))).toBe('Reach rate fell from 60% to 40% over 2 weeks.');
    expect(trendSentence('en', 'reachRate', weeks(0.481, 0.4799))).toBe('Reach rate stayed at 48% over 2 weeks.');
  });

  it('counts the weeks between the first and last week with a value, gaps included', () => {
    const points = [{ weekStart: '2026-11-02', value: 100 }, { weekStart: '2026-11-23', value: 1250 }];
    expect(trendSentence('en', 'contactsAttempted', points)).toBe('Contacts attempted per week rose from 100 to 1,250 over 4 weeks.');
    expect(trendSentence('es', 'contactsAttempted', points)).toBe('El número de intentos de contacto por semana subió de 100 a 1250 en 4 semanas.');
  });

  it('skips weeks without a rate, and says so when there is one week or none', () => {
    expect(trendSentence('en', 'reachRate', weeks(null, 0.5, null, 0.25, null))).toBe('Reach rate fell from 50% to 25% over 3 weeks.');
    expect(trendSentence('en', 'reachRate', weeks(null, 0.5))).toBe('Reach rate was 50% in the only week with contacts.');
    expect(trendSentence('en', 'reachRate', [])).toBe('No contacts in this range, so there is no trend to show.');
    expect(trendSentence('es', 'reachRate', weeks(null))).toBe('No hubo contactos en este periodo, así que no hay tendencia que mostrar.');
  });
});

describe('funnelSentence', () => {
  it('walks the stages with the share reached and the share closed', () => {
    expect(funnelSentence('en', counts(600, 400, 100, 80, 20))).toBe(
      'Of 600 patients attempted, 400 were reached (67%), 100 had an appointment set, 80 kept it, and 20 had a care gap closed (3% of those attempted).',
    );
    expect(funnelSentence('es', counts(1200, 400, 100, 80, 20))).toBe(
      'De 1200 pacientes con intento, 400 fueron contactados (33\u00a0%), 100 tuvieron una cita programada, 80 la cumplieron y 20 cerraron una brecha de atención (2\u00a0% de los intentados).',
    );
    expect(funnelSentence('en', counts(0, 0))).toBe('No patients were attempted in this range.');
  });
});

describe('dropOffSentence', () => {
  it('names the groups reached most and least, leaving out empty groups', () => {
    const groups = [
      { name: 'Call', counts: counts(300, 150) },
      { name: 'Visit', counts: counts(200, 200) },
      { name: 'Message', counts: counts(100, 20) },
      { name: 'Nobody', counts: counts(0, 0) },
    ];
    expect(dropOffSentence('en', 'channel', groups)).toBe('By channel, the share reached was highest for Visit (100%) and lowest for Message (20%).');
    expect(dropOffSentence('es', 'channel', groups)).toBe('Por canal, la proporción contactada fue más alta en Visit (100\u00a0%) y más baja en Message (20\u00a0%).');
    expect(dropOffSentence('en', 'ageBand', [{ name: '75 and over', counts: counts(10, 4) }])).toBe(
      'By age band, every patient attempted is in one group, 75 and over: 40% reached.',
    );
    expect(dropOffSentence('en', 'language', [])).toBe('No patients were attempted in this range.');
  });
});
