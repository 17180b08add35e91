import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { I18nProvider, type Locale } from '../i18n/I18n';
import { useConfirm } from './useConfirm';

function Remover() {
  const [confirm, dialog] = useConfirm();
  const [answer, setAnswer] = useState('none yet');
  return (
    <>
      <button
        type="button"
        onClick={() => void confirm({ title: 'Remove Ana?', message: 'She stays in the history.', confirmLabel: 'Remove', danger: true }).then((ok) => setAnswer(ok ? 'yes' : 'no'))}
      >
        Remove Ana
      </button>
      <p>Answer: {answer}</p>
      {dialog}
    </>
  );
}

function open(locale: Locale = 'en') {
  const user = userEvent.setup();
  render(
    <I18nProvider locale={locale}>
      <Remover />
    </I18nProvider>,
  );
  return user;
}

describe('useConfirm', () => {
  it('asks in a labelled modal dialog with focus on Cancel, and answers yes on the go-ahead button', async () => {
    const user = open();
    await user.click(screen.getByRole('button', { name: 'Remove Ana' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove Ana?' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveAccessibleDescription('She stays in the history.');
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Remove' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByText('Answer: yes')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove Ana' })).toHaveFocus();
  });

  it('Escape cancels and gives focus back to the button that asked', async () => {
    const user = open();
    await user.click(screen.getByRole('button', { name: 'Remove Ana' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByText('Answer: no')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove Ana' })).toHaveFocus();
  });

  it('keeps Tab inside the dialog', async () => {
    const user = open();
    await user.click(screen.getByRole('button', { name: 'Remove Ana' }));
    await user.tab();
    expect(screen.getByRole('button', { name: 'Remove' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'Remove' })).toHaveFocus();
  });

  it('says Cancel in Spanish', async () => {
    const user = open('es');
    await user.click(screen.getByRole('button', { name: 'Remove Ana' }));
    await user.click(screen.getByRole('button', { name: 'Cancelar' }));
    expect(screen.getByText('Answer: no')).toBeInTheDocument();
  });
});
