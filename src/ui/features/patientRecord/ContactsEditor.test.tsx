import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContactPointId, PatientId } from '../../../domain/ids';
import type { ContactPoint } from '../../../domain/patient';
import { ContactsEditor } from './ContactsEditor';
import { entity, PATIENT_ID, setUpRecordTest, type RecordTest } from './recordTestHarness';

const contact = (id: string, over: Partial<ContactPoint> = {}): ContactPoint => ({
  id: id as ContactPointId,
  patientId: PATIENT_ID as PatientId,
  channel: 'phone',
  use: 'mobile',
  value: '+16175550123',
  consent: 'unknown',
  consentAt: null,
  consentBy: null,
  removed: false,
  ...over,
});

let test: RecordTest;
afterEach(async () => {
  vi.restoreAllMocks();
  await test.close();
});

async function open(records = [entity('contactPoint', contact('cp_1'))], locale: 'en' | 'es' = 'en') {
  test = await setUpRecordTest(records);
  const user = test.render((v) => <ContactsEditor patient={v.patient} contacts={v.records.contactPoint} pendingKeys={v.pendingKeys} />, locale);
  await screen.findByRole('heading', { name: locale === 'en' ? 'Contacts' : 'Contactos' });
  return user;
}

async function addContact(user: Awaited<ReturnType<typeof open>>, value: string) {
  await user.click(screen.getByText('Add contact'));
  const form = screen.getByRole('form', { name: 'Add contact' });
  await user.type(within(form).getByLabelText('Number or email address'), value);
  await user.click(within(form).getByRole('button', { name: 'Save' }));
  return form;
}

describe('ContactsEditor', () => {
  it('refuses a number it cannot read, says why, and writes nothing', async () => {
    const user = await open();
    const form = await addContact(user, '555-0123');
    expect(within(form).getByRole('alert')).toHaveTextContent('The number is missing digits');
    expect(within(form).getByLabelText('Number or email address')).toHaveAttribute('aria-invalid', 'true');
    expect(await test.db.outbox.count()).toBe(0);
    expect(await test.db.contactPoints.count()).toBe(1);
  });

  it('adds a valid number in E.164 with its outbox row, shown as not yet synced', async () => {
    const user = await open();
    await user.click(screen.getByText('Add contact'));
    const form = screen.getByRole('form', { name: 'Add contact' });
    await user.selectOptions(within(form).getByLabelText('Use'), 'home');
    await user.selectOptions(within(form).getByLabelText('Consent'), 'granted');
    await user.type(within(form).getByLabelText('Number or email address'), '+1 (617) 555-0199');
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    const row = (await screen.findByText(/\(617\) 555-0199/)).closest('li') as HTMLElement;
    // The badge comes from the territory's own live read of the outbox, a moment later.
    expect(await within(row).findByText('Not yet synced')).toBeInTheDocument();
    expect(within(row).getByText(/by Maria Santos/)).toBeInTheDocument();
    const rows = await test.db.outbox.toArray();
    expect(rows).toHaveLength(1);
    const added = await test.stored('contactPoint', rows[0]!.entityId);
    expect(added).toMatchObject({ value: '+16175550199', channel: 'phone', use: 'home', consent: 'granted', consentBy: 'Maria Santos' });
    expect(rows[0]!.entityKey).toBe(`contactPoint:${added!.id}`);
  });

  it('refuses an email address without a domain', async () => {
    const user = await open();
    await user.click(screen.getByText('Add contact'));
    const form = screen.getByRole('form', { name: 'Add contact' });
    await user.selectOptions(within(form).getByLabelText('Channel'), 'email');
    await user.type(within(form).getByLabelText('Number or email address'), 'ana.perez');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('The email address is incomplete');
    expect(await test.db.outbox.count()).toBe(0);
  });

  it('records consent in the name of the signed-in specialist', async () => {
    const user = await open();
    await user.click(within(screen.getByRole('group', { name: 'Consent: (617) 555-0123' })).getByRole('button', { name: 'Declined' }));
    await waitFor(async () => expect((await test.stored('contactPoint', 'cp_1'))?.consent).toBe('declined'));
    const saved = await test.stored('contactPoint', 'cp_1');
    expect(saved?.consentBy).toBe('Maria Santos');
    expect(saved?.consentAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(await screen.findByText(/recorded .* by Maria Santos/)).toBeInTheDocument();
    expect(await test.db.outbox.count()).toBe(1);
  });

  it('retires a number only after confirmation, keeping it on record', async () => {
    const user = await open();
    await user.click(screen.getByRole('button', { name: 'Remove: (617) 555-0123' }));
    const asked = screen.getByRole('dialog', { name: 'Remove this contact?' });
    expect(asked).toHaveTextContent('It stays in the history but is no longer offered.');
    await user.click(within(asked).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(await test.db.outbox.count()).toBe(0);
    await user.click(screen.getByRole('button', { name: 'Remove: (617) 555-0123' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Remove this contact?' })).getByRole('button', { name: 'Remove' }));
    expect(await screen.findByText('No contact details on file.')).toBeInTheDocument();
    expect((await test.stored('contactPoint', 'cp_1'))?.removed).toBe(true);
  });

  it('speaks Spanish when the app does', async () => {
    const user = await open([entity('contactPoint', contact('cp_1'))], 'es');
    await user.click(screen.getByText('Agregar contacto'));
    const form = screen.getByRole('form', { name: 'Agregar contacto' });
    await user.type(within(form).getByLabelText('Número o correo electrónico'), 'llámeme');
    await user.click(within(form).getByRole('button', { name: 'Guardar' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('El número tiene letras o símbolos');
    await user.click(within(screen.getByRole('group', { name: 'Consentimiento: (617) 555-0123' })).getByRole('button', { name: 'Otorgado' }));
    expect(await screen.findByText('Aún no sincronizado')).toBeInTheDocument();
  });
});
