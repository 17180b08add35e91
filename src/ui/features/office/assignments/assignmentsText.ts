/**
 * The words of the office's Assignments section, in English and Spanish: who works which
 * territory, covering a colleague, moving patients.
 */
import type { Locale } from '../../../i18n/I18n';

const en = {
  title: 'Assignments',
  caption: 'Specialists, their territories and coverages',
  scroll: 'Assignments table (scrolls sideways)',
  column: { specialist: 'Specialist', territories: 'Territories', coverages: 'Covering' },
  noTerritory: 'None',
  noCoverage: 'None',
  coverage: (territory: string, from: string, to: string, current: boolean) => `${territory}, ${from} to ${to}${current ? ' (now)' : ''}`,
  cancel: 'Cancel',
  cancelCoverage: (territory: string, who: string) => `Cancel ${who}'s coverage of ${territory}`,
  cancelled: 'Coverage cancelled. It leaves the device at its next sync, after its changes are sent.',
  exportCsv: 'Save as CSV',
  csvReady: 'The CSV file is saved.',
  csvFileName: (day: string) => `assignments-${day}.csv`,
  assignTitle: 'Assign a territory',
  territory: 'Territory',
  specialist: 'Specialist',
  assign: 'Assign',
  assigned: 'Territory assigned.',
  coverTitle: 'Cover a colleague',
  from: 'First day',
  to: 'Last day',
  cover: 'Arrange coverage',
  covered: 'Coverage arranged. The territory reaches the device at its next sync.',
  moveTitle: 'Move patients',
  fromTerritory: 'From territory',
  toTerritory: 'To territory',
  postalCode: 'Postal code (optional)',
  facilityId: 'Facility id (optional)',
  count: 'Count patients',
  counted: (n: number) => (n === 1 ? '1 patient would move.' : `${n} patients would move.`),
  confirmMove: (n: number) => (n === 1 ? 'Move 1 patient' : `Move ${n} patients`),
  moved: (n: number) => (n === 1 ? '1 patient moved.' : `${n} patients moved.`),
  choose: 'Choose…',
  today: (day: string) => `Today (UTC): ${day}`,
} as const;

type Words = { [K in keyof typeof en]: (typeof en)[K] extends (...args: infer A) => string ? (...args: A) => string : (typeof en)[K] extends object ? { [C in keyof (typeof en)[K]]: string } : string };

const es: Words = {
  title: 'Asignaciones',
  caption: 'Especialistas, sus territorios y coberturas',
  scroll: 'Tabla de asignaciones (se desplaza de lado)',
  column: { specialist: 'Especialista', territories: 'Territorios', coverages: 'Cubriendo' },
  noTerritory: 'Ninguno',
  noCoverage: 'Ninguna',
  coverage: (territory, from, to, current) => `${territory}, del ${from} al ${to}${current ? ' (ahora)' : ''}`,
  cancel: 'Cancelar',
  cancelCoverage: (territory, who) => `Cancelar la cobertura de ${territory} por ${who}`,
  cancelled: 'Cobertura cancelada. Sale del dispositivo en la próxima sincronización, tras enviar sus cambios.',
  exportCsv: 'Guardar como CSV',
  csvReady: 'El archivo CSV está guardado.',
  csvFileName: (day) => `asignaciones-${day}.csv`,
  assignTitle: 'Asignar un territorio',
  territory: 'Territorio',
  specialist: 'Especialista',
  assign: 'Asignar',
  assigned: 'Territorio asignado.',
  coverTitle: 'Cubrir a un colega',
  from: 'Primer día',
  to: 'Último día',
  cover: 'Organizar la cobertura',
  covered: 'Cobertura organizada. El territorio llega al dispositivo en la próxima sincronización.',
  moveTitle: 'Mover pacientes',
  fromTerritory: 'Desde el territorio',
  toTerritory: 'Al territorio',
  postalCode: 'Código postal (opcional)',
  facilityId: 'Id del centro (opcional)',
  count: 'Contar pacientes',
  counted: (n) => (n === 1 ? 'Se movería 1 paciente.' : `Se moverían ${n} pacientes.`),
  confirmMove: (n) => (n === 1 ? 'Mover 1 paciente' : `Mover ${n} pacientes`),
  moved: (n) => (n === 1 ? '1 paciente movido.' : `${n} pacientes movidos.`),
  choose: 'Elegir…',
  today: (day) => `Hoy (UTC): ${day}`,
};

export type AssignmentsWords = Words;

export const ASSIGNMENTS_TEXT: Record<Locale, Words> = { en, es };
