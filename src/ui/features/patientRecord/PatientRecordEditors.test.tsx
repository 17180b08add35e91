import { screen } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { asIsoDate, asIsoDateTime, type AppointmentId, type BarrierId, type CaregiverId, type GoalId, type PatientId, type RpmDeviceId } from '../../../domain/ids';
import { buildContactPoint, buildGap } from '../../../../tests/support/builders';
import type { Locale } from '../../i18n/I18n';
import { PatientRecordEditors } from './PatientRecordEditors';
import { entity, PATIENT_ID, setUpRecordTest, type RecordTest } from './recordTestHarness';

const patientId = PATIENT_ID as PatientId;
const everything = () => [
  entity('contactPoint', buildContactPoint('cp_1', PATIENT_ID)),
  entity('careGap', buildGap('gap_1', PATIENT_ID)),
  entity('caregiver', { id: 'cg_1' as CaregiverId, patientId, name: 'Rosa', relationship: 'daughter', phone: '+16175550142', primary: true, removed: false, shareInfo: null }),
  entity('barrier', { id: 'bar_1' as BarrierId, patientId, kind: 'cost', detail: 'Copays', status: 'open', identifiedOn: asIsoDate('2026-10-01'), resolvedOn: null }),
  entity('goal', { id: 'goal_1' as GoalId, patientId, text: 'Walk daily', status: 'active', setOn: asIsoDate('2026-10-01'), targetDate: null }),
  entity('rpmDevice', { id: 'rpm_1' as RpmDeviceId, patientId, kind: 'scale', stage: 'set_up', since: asIsoDate('2026-10-01') }),
  entity('appointment', {
    id: 'apt_1' as AppointmentId,
    patientId,
    provider: 'Dr. Lee',
    reason: 'Check-up',
    mode: 'telehealth',
    startsAt: asIsoDateTime('2026-12-01T14:00:00.000Z'),
    status: 'scheduled',
  }),
];

let test: RecordTest;
afterEach(() => test.close());

describe.each(['en', 'es'] as const satisfies readonly Locale[])('PatientRecordEditors (%s)', (locale) => {
  it('has no axe violations with every add form open, and every control is a large target', async () => {
    test = await setUpRecordTest(everything());
    test.render((v) => <PatientRecordEditors view={v} />, locale);
    await screen.findByText('Dr. Lee', { exact: false });
    for (const d of document.querySelectorAll('details')) d.open = true;

    // jsdom has no layout, so colour contrast (and measured size) are for the browser suite.
    const { violations } = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    // `.button`, `.check` and `.field` controls are at least 44 px tall (styles.css, --target).
    const small = [...document.querySelectorAll('button, summary, a, input[type=checkbox]')].filter(
      (el) => !el.matches('.button') && !el.closest('.check'),
    );
    expect(small.map((el) => el.outerHTML)).toEqual([]);
    expect([...document.querySelectorAll('input:not([type=checkbox]), select, textarea')].filter((el) => !el.closest('.field'))).toEqual([]);
    // axe over every editor of the record takes a few seconds in jsdom.
  }, 20_000);
});
