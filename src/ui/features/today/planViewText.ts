/**
 * Words of the plan's timeline (drives, lunch where it happens, waits, late risks, care homes,
 * visit minutes) and of why a patient is not in today's plan, in English and Spanish. The older
 * plan words (totals, van buttons) stay in todayText.ts.
 */
import type { SkipReason } from '../../../worker/client';
import type { Locale } from '../../i18n/I18n';
import { pluralIn } from '../../i18n/plural';

/** Every reason a picked or suggested patient is not in the plan. */
export type WhyNotReason = SkipReason | 'facility_closed' | 'no_location';

const enPlural = pluralIn('en');
const esPlural = pluralIn('es');

/** Each reason in plain words; `hours` is the stop's visiting hours where they are the reason. */
type WhyNot = Record<WhyNotReason, (hours: string) => string>;

const enWhyNot: WhyNot = {
  window_unreachable: (hours) => (hours ? `Visiting hours ${hours} do not fit the route` : 'The visiting hours do not fit the route'),
  outside_shift: () => 'Not enough time in the shift, even as the only visit',
  not_enough_time: () => 'Must visit, but does not fit together with the other must-visit patients',
  lower_priority: () => 'Other visits matter more today',
  no_priority: () => 'Nothing is due for this patient today',
  unavailable: () => 'Not home',
  facility_closed: () => 'The care home is closed to visitors today',
  no_location: () => 'The address has no map position, so it cannot be on the route',
};

const en = {
  fromStart: 'From where your day starts',
  fromHere: 'From where you are',
  leave: (leave: string, drive: string, arrive: string) => `Leave at ${leave} · ${drive} drive · arrive ${arrive}`,
  left: (leave: string, drive: string, arrive: string) => `Left at ${leave} · ${drive} drive · arrived ${arrive}`,
  leaveBack: (leave: string, drive: string, arrive: string) => `Leave at ${leave} · ${drive} drive back · arrive ${arrive}`,
  lunch: {
    before_leaving: (from: string, to: string) => `Lunch ${from}–${to} before you leave`,
    on_the_way: (from: string, to: string) => `Lunch ${from}–${to} on the way`,
    at_stop: (from: string, to: string) => `Lunch ${from}–${to} here`,
    at_end: (from: string, to: string) => `Lunch ${from}–${to} at the end of the day`,
  },
  wait: (d: string, from: string, to: string) => `Wait ${d} (${from}–${to})`,
  backAt: (time: string) => `Back at ${time}`,
  lunchMissed: (latest: string) => `Lunch is no longer in the plan: it had to start by ${latest}.`,
  lateRiskVisit: (closes: string) => `Late risk: visiting hours end ${closes}`,
  lateRiskBack: (shiftEnd: string) => `Late risk: your shift ends ${shiftEnd}`,
  careHome: 'Care home',
  residents: (n: number) => enPlural(n, { one: '# resident', other: '# residents' }),
  visitMinutes: 'Visit length',
  visitMinutesLabel: (name: string) => `Visit length for ${name}`,
  minutesOption: (n: number) => `${n} min`,
  whyNot: enWhyNot,
  hoursJoin: ', ',
};
export type PlanViewText = typeof en;

const es: PlanViewText = {
  fromStart: 'Desde donde empieza su día',
  fromHere: 'Desde donde está',
  leave: (leave, drive, arrive) => `Salga a las ${leave} · ${drive} de trayecto · llegada a las ${arrive}`,
  left: (leave, drive, arrive) => `Salió a las ${leave} · ${drive} de trayecto · llegó a las ${arrive}`,
  leaveBack: (leave, drive, arrive) => `Salga a las ${leave} · ${drive} de regreso · llegada a las ${arrive}`,
  lunch: {
    before_leaving: (from, to) => `Almuerzo ${from}–${to} antes de salir`,
    on_the_way: (from, to) => `Almuerzo ${from}–${to} en el camino`,
    at_stop: (from, to) => `Almuerzo ${from}–${to} aquí`,
    at_end: (from, to) => `Almuerzo ${from}–${to} al final del día`,
  },
  wait: (d, from, to) => `Esperar ${d} (${from}–${to})`,
  backAt: (time) => `De vuelta a las ${time}`,
  lunchMissed: (latest) => `El almuerzo ya no está en el plan: tenía que empezar a más tardar a las ${latest}.`,
  lateRiskVisit: (closes) => `Riesgo de retraso: el horario de visitas termina a las ${closes}`,
  lateRiskBack: (shiftEnd) => `Riesgo de retraso: su turno termina a las ${shiftEnd}`,
  careHome: 'Residencia',
  residents: (n) => esPlural(n, { one: '# residente', other: '# residentes' }),
  visitMinutes: 'Duración de la visita',
  visitMinutesLabel: (name) => `Duración de la visita a ${name}`,
  minutesOption: (n) => `${n} min`,
  whyNot: {
    window_unreachable: (hours) => (hours ? `El horario de visitas ${hours} no cabe en la ruta` : 'El horario de visitas no cabe en la ruta'),
    outside_shift: () => 'No hay tiempo suficiente en el turno, ni siquiera como única visita',
    not_enough_time: () => 'Visita obligatoria, pero no cabe junto con las demás visitas obligatorias',
    lower_priority: () => 'Otras visitas son más importantes hoy',
    no_priority: () => 'No hay nada pendiente con este paciente hoy',
    unavailable: () => 'No está en casa',
    facility_closed: () => 'La residencia no admite visitas hoy',
    no_location: () => 'La dirección no tiene posición en el mapa, así que no puede estar en la ruta',
  },
  hoursJoin: ', ',
};

export const PLAN_VIEW_TEXT: Record<Locale, PlanViewText> = { en, es };
