import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { QuestionnaireDefinition } from '../../../domain/questionnaire';
import { hra } from '../../../domain/questionnaires/hra';
import { hvs } from '../../../domain/questionnaires/hvs';
import { QUESTIONNAIRES } from '../../../domain/questionnaires/index';
import type { Answers } from '../../../domain/questionnaires/scoring';
import { se6 } from '../../../domain/questionnaires/se6';
import { I18nProvider, type Locale } from '../../i18n/I18n';
import { QuestionnaireForm } from './QuestionnaireForm';

/** Plays the caller: keeps the answers and passes each change on to the spy. */
function Caller({ definition, initial, onChange }: { definition: QuestionnaireDefinition; initial: Answers; onChange: (a: Answers) => void }) {
  const [answers, setAnswers] = useState(initial);
  return (
    <QuestionnaireForm
      definition={definition}
      answers={answers}
      onChange={(next) => {
        onChange(next);
        setAnswers(next);
      }}
    />
  );
}

function renderForm(definition: QuestionnaireDefinition, { locale = 'en' as Locale, initial = {} as Answers } = {}) {
  const onChange = vi.fn<(a: Answers) => void>();
  const view = render(
    <I18nProvider locale={locale}>
      <Caller definition={definition} initial={initial} onChange={onChange} />
    </I18nProvider>,
  );
  return { ...view, onChange, user: userEvent.setup() };
}

const question = (name: RegExp) => screen.getByRole('group', { name });
const result = () => document.querySelector('[aria-live="polite"]') as HTMLElement;

describe('QuestionnaireForm', () => {
  it('reports each Hunger Vital Sign answer and shows a positive screen', async () => {
    const { user, onChange } = renderForm(hvs);
    expect(result()).toHaveTextContent('Not decided yet');

    await user.click(within(question(/worried whether our food would run out/)).getByRole('radio', { name: 'Never true' }));
    expect(onChange).toHaveBeenLastCalledWith({ worried_food_would_run_out: 'never' });
    expect(result()).toHaveTextContent('Not decided yet');

    await user.click(within(question(/just didn’t last/)).getByRole('radio', { name: 'Sometimes true' }));
    expect(onChange).toHaveBeenLastCalledWith({ worried_food_would_run_out: 'never', food_did_not_last: 'sometimes' });
    expect(result()).toHaveTextContent('Positive screen: at risk of food insecurity');
    expect(screen.getByText(/every required question is answered/)).toBeInTheDocument();
  });

  it('shows a negative screen only when both statements are never true', async () => {
    const { user } = renderForm(hvs, { initial: { worried_food_would_run_out: 'never' } });
    await user.click(within(question(/just didn’t last/)).getByRole('radio', { name: 'Never true' }));
    expect(result()).toHaveTextContent('Negative screen');
  });

  it('renders in Spanish when the UI is in Spanish', () => {
    renderForm(hvs, { locale: 'es' });
    expect(screen.getByRole('heading', { name: /Signo Vital del Hambre/ })).toBeInTheDocument();
    const first = question(/nos preocupaba que la comida se acabara/);
    expect(first).toHaveTextContent('(Obligatoria)');
    expect(within(first).getByRole('radio', { name: 'A veces cierto' })).toBeInTheDocument();
    expect(result()).toHaveTextContent('Resultado');
    expect(screen.getByText('Faltan 2 preguntas obligatorias')).toBeInTheDocument();
  });

  it('shows the SE6 score once four items are answered', async () => {
    const { user } = renderForm(se6);
    const pick = (name: RegExp, value: string) => user.click(within(question(name)).getByRole('radio', { name: value }));
    await pick(/fatigue/, '2');
    await pick(/physical discomfort/, '4');
    await pick(/emotional distress/, '6');
    expect(result()).toHaveTextContent('Scored once at least 4 questions are answered');
    await pick(/other symptoms/, '9');
    expect(result()).toHaveTextContent('Score: 5.3');
    expect(result()).toHaveTextContent('higher means more confidence');
  });

  it('labels each scale radio with its number and describes the ends', () => {
    renderForm(se6);
    const fatigue = question(/fatigue/);
    expect(within(fatigue).getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(within(fatigue).getByRole('radio', { name: '1' })).toHaveAccessibleDescription(/Not at all confident/);
    expect(within(fatigue).getByRole('radio', { name: '10' })).toHaveAccessibleDescription(/Totally confident/);
  });

  it('clears an answer by removing it', async () => {
    const { user, onChange } = renderForm(se6, { initial: { fatigue: 3, pain: 5 } });
    await user.click(screen.getByRole('button', { name: 'Clear answer to question 1' }));
    expect(onChange).toHaveBeenLastCalledWith({ pain: 5 });
    expect(within(question(/fatigue/)).getByRole('radio', { name: '3' })).not.toBeChecked();
    expect(screen.queryByRole('button', { name: 'Clear answer to question 1' })).not.toBeInTheDocument();
  });

  it('reports free text on every keystroke, and an emptied box as no answer', async () => {
    const { user, onChange } = renderForm(hra);
    const box = screen.getByRole('textbox', { name: /anything else/ });
    await user.type(box, 'Hi');
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(onChange).toHaveBeenLastCalledWith({ anything_else: 'Hi' });
    await user.clear(box);
    expect(onChange).toHaveBeenLastCalledWith({});
  });

  it('holds no answers of its own: it shows what it is given', () => {
    const onChange = vi.fn();
    const { rerender } = render(
      <I18nProvider locale="en">
        <QuestionnaireForm definition={se6} answers={{ fatigue: 7 }} onChange={onChange} />
      </I18nProvider>,
    );
    expect(within(question(/fatigue/)).getByRole('radio', { name: '7' })).toBeChecked();
    rerender(
      <I18nProvider locale="en">
        <QuestionnaireForm definition={se6} answers={{}} onChange={onChange} />
      </I18nProvider>,
    );
    expect(within(question(/fatigue/)).getByRole('radio', { name: '7' })).not.toBeChecked();
  });

  describe.each(['en', 'es'] as const)('accessibility (%s)', (locale) => {
    it.each(QUESTIONNAIRES.map((q) => [q.id, q] as const))('%s has no axe violations, answered or not', async (_id, def) => {
      const first = def.items[0]!;
      const initial: Answers =
        first.type === 'choice' ? { [first.id]: first.options[0]!.code } : first.type === 'scale' ? { [first.id]: first.min } : { [first.id]: 'x' };
      const { container } = renderForm(def, { locale, initial });
      // jsdom has no layout, so colour contrast is checked in the browser suite instead.
      const { violations } = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  });
});
