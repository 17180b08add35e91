import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContactPointId, PatientId } from '../../../domain/ids';
import type { ContactPoint } from '../../../domain/patient';
import { ContactsEditor } from './ContactsEditor';
import { entity, PATIENT_ID, setUpRecordTest, type RecordTest, type RecordTestOptions } from './recordTestHarness';

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

async function open(records = [entity('contactPoint', contact('cp_1'))], locale: 'en' | 'es' = 'en', options: RecordTestOptions = {}) {
  test = await setUpRecordTest(records, {}, options);
  const user = test.render((v) => <ContactsEditor patient={v.patient} contacts={v.records.contactPoint} consentEvents={v.records.consentEvent} pendingKeys={v.pendingKeys} />, locale);
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
    expect(await within(row).findByText(/^recorded .* by Maria Santos$/)).toBeInTheDocument();
    const rows = await test.db.outbox.orderBy('seq').toArray();
    // The point, then the consent asked just now as its first event (mirrored into the point).
    expect(rows.map((r) => r.kind)).toEqual(['contactPoint', 'consentEvent', 'contactPoint']);
    const added = await test.stored('contactPoint', rows[0]!.entityId);
    expect(added).toMatchObject({ value: '+16175550199', channel: 'phone', use: 'home', consent: 'granted', consentBy: 'Maria Santos' });
    expect(await test.stored('consentEvent', rows[1]!.entityId)).toMatchObject({ contactPointId: added!.id, decision: 'granted', byId: 'usr_1' });
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
    expect((await test.db.outbox.toArray()).map((r) => r.kind).sort()).toEqual(['consentEvent', 'contactPoint']);
  });

  it('records a consent tapped before the screen has read who is signed in', async () => {
    let showSession!: () => void;
    const user = await open(undefined, 'en', { sessionShown: new Promise<void>((resolve) => (showSession = resolve)) });
    const declined = within(screen.getByRole('group', { name: 'Consent: (617) 555-0123' })).getByRole('button', { name: 'Declined' });
    expect(declined).toBeEnabled();
    await user.click(declined);
    await waitFor(async () => expect((await test.stored('contactPoint', 'cp_1'))?.consent).toBe('declined'));
    expect(await test.stored('contactPoint', 'cp_1')).toMatchObject({ consentBy: 'Maria Santos' });
    expect(await screen.findByRole('note')).toHaveTextContent(/by Maria Santos/);
    showSession();
  });

  it('keeps the consent asked with a new contact added before the screen has read who is signed in', async () => {
    let showSession!: () => void;
    const user = await open(undefined, 'en', { sessionShown: new Promise<void>((resolve) => (showSession = resolve)) });
    await user.click(screen.getByText('Add contact'));
    const form = screen.getByRole('form', { name: 'Add contact' });
    await user.selectOptions(within(form).getByLabelText('Consent'), 'granted');
    await user.type(within(form).getByLabelText('Number or email address'), '(617) 555-0199');
    await user.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await test.db.outbox.toArray()).map((r) => r.kind)).toEqual(['contactPoint', 'consentEvent', 'contactPoint']));
    const row = (await screen.findByText(/\(617\) 555-0199/)).closest('li') as HTMLElement;
    expect(await within(row).findByText('Consent given', { selector: '.badge' })).toBeInTheDocument();
    showSession();
  });

  it('a declined phone offers no Call action and names the refusal: who, when', async () => {
    const user = await open();
    expect(screen.getByRole('link', { name: /Call .*, \(617\) 555-0123/ })).toHaveAttribute('href', 'tel:+16175550123');
    await user.selectOptions(screen.getByLabelText('How the patient said so'), 'written');
    await user.click(screen.getByRole('button', { name: 'Declined' }));
    const warning = await screen.findByRole('note');
    expect(warning).toHaveTextContent(/^Refused: the patient does not want calls here \(recorded .+ by Maria Santos\)\.$/);
    expect(screen.queryByRole('link', { name: /Call/ })).not.toBeInTheDocument();
    await user.click(screen.getByText('Consent history (1 entry)'));
    expect(screen.getByText(/^Declined \(In writing\), .+, recorded by Maria Santos$/)).toBeInTheDocument();
  });

  it('a changed number starts with no consent; the refusal stays in the history, for the old number', async () => {
    const user = await open();
    await user.click(screen.getByRole('button', { name: 'Declined' }));
    await screen.findByRole('note');
    await user.click(screen.getByRole('button', { name: 'Change Phone (617) 555-0123' }));
    expect(screen.getByText('A new number or address starts with no consent; ask the patient again.')).toBeInTheDocument();
    const input = screen.getByLabelText('New number or address');
    await user.clear(input);
    await user.type(input, '(617) 555-0456');
    await user.click(within(input.closest('form') as HTMLElement).getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('link', { name: /Call .*, \(617\) 555-0456/ })).toBeInTheDocument();
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
    expect(screen.getByText('Consent not asked', { selector: '.badge' })).toBeInTheDocument();
    await user.click(screen.getByText('Consent history (1 entry)'));
    expect(screen.getByText(/^Declined \(Spoken\), .+, recorded by Maria Santos, for \(617\) 555-0123$/)).toBeInTheDocument();
    expect(await test.stored('contactPoint', 'cp_1')).toMatchObject({ value: '+16175550456', consent: 'unknown', consentAt: null, consentBy: null });
  });

  it('offers Text and Email only where the patient agreed', async () => {
    await open([
      entity('contactPoint', contact('cp_sms', { channel: 'sms', value: '+16175550777' })),
      entity('contactPoint', contact('cp_mail', { channel: 'email', value: 'ana@example.org', consent: 'granted', consentAt: '2026-10-01T10:00:00.000Z' as never, consentBy: 'Intake' })),
    ]);
    expect(screen.queryByRole('link', { name: /^Text/ })).not.toBeInTheDocument();
    expect(screen.getByText('Texts and emails go only where the patient agreed.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^Email .*, ana@example.org/ })).toHaveAttribute('href', 'mailto:ana@example.org');
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
