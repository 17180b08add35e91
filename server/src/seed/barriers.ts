/**
 * Barriers to care that specialists have found: about a quarter of patients have one or two.
 * The kinds follow the patient's facts (language barriers only for non-English speakers,
 * technology for those without the portal, no housing or food barriers in a care home) and the
 * details read like what a specialist types. Most are still open; a resolved one says when.
 */
import type { BarrierId } from '../../../src/domain/ids';
import type { Barrier, BarrierKind } from '../../../src/domain/supportSystem';
import type { DatedStream } from './calendar';
import { formatIsoDate } from './calendar';
import type { Language } from './people';
import type { PatientDraft } from './patients';
import { patientKey } from './patients';

const LANGUAGE_NAMES: Record<Exclude<Language, 'en'>, string> = {
  es: 'Spanish',
  pt: 'Portuguese',
  ht: 'Haitian Creole',
  vi: 'Vietnamese',
  zh: 'Cantonese',
};

function detailsFor(kind: BarrierKind, d: PatientDraft): readonly string[] {
  const city = d.patient.address.city;
  const language = d.patient.language === 'en' ? 'English' : LANGUAGE_NAMES[d.patient.language as Exclude<Language, 'en'>];
  switch (kind) {
    case 'transport':
      return [
        `No ride to appointments in ${city}`,
        `Bus to the clinic from ${city} takes two transfers`,
        'Daughter drives, but only on weekends',
        'Stopped driving after cataract surgery',
        'Waiting on the RIDE paratransit application',
      ];
    case 'cost':
      return [
        'Worried about the copay for specialist visits',
        'Stretches blood pressure pills at the end of the month',
        'Cannot afford test strips beyond the covered amount',
        'Unsure whether the colonoscopy is covered',
      ];
    case 'language':
      return [`Needs a ${language} interpreter for specialist visits`, `Wants printed instructions in ${language}`];
    case 'technology':
      return ['Flip phone only; no smartphone', 'No email address yet', 'No internet at home', 'Has a tablet but has never made a video call'];
    case 'trust':
      return [
        "Wary of colonoscopy after a relative's bad experience",
        'Skeptical of the flu vaccine',
        'Avoids follow-up visits after a bad hospital stay',
      ];
    case 'health_literacy':
      return [
        'Mixes up the two blood pressure pills',
        'Unsure why the eye exam matters with diabetes',
        'Cannot read the small print on pill bottles',
      ];
    case 'caregiving':
      return ['Cares for spouse with dementia; hard to leave home', 'Looks after grandchildren on weekdays'];
    case 'housing':
      return ['Facing eviction; may move within the month', 'Staying with a cousin; address may change'];
    case 'food':
      return ['Runs out of groceries by the end of the month', 'No grocery store within walking distance', 'Needs help applying for SNAP'];
    case 'other':
      return ['Hard of hearing; phone calls are difficult', 'Works irregular shifts'];
  }
}

function kindWeights(d: PatientDraft): readonly (readonly [BarrierKind, number])[] {
  const p = d.patient;
  const resident = d.resident !== null;
  return [
    ['transport', resident ? 0.02 : d.age >= 80 ? 0.3 : 0.2],
    ['cost', 0.14],
    ['language', p.language === 'en' ? 0 : p.interpreterNeeded ? 0.35 : 0.12],
    ['technology', p.portal !== 'not_enrolled' ? 0.03 : d.age >= 75 ? 0.22 : 0.12],
    ['trust', 0.07],
    ['health_literacy', 0.1],
    ['caregiving', resident ? 0 : 0.08],
    ['housing', resident ? 0 : 0.05],
    ['food', resident ? 0 : 0.06],
    ['other', 0.03],
  ];
}

export function buildBarriers(ctx: DatedStream, d: PatientDraft): Barrier[] {
  const { rng, today } = ctx;
  if (!rng.chance(0.25)) return [];
  const count = rng.chance(0.7) ? 1 : 2;
  const barriers: Barrier[] = [];
  const used = new Set<BarrierKind>();
  for (let i = 0; i < count; i++) {
    // One barrier of a kind per patient: a second transport problem is a detail, not a record.
    const kind = rng.weighted(kindWeights(d).map(([k, w]) => [k, used.has(k) ? 0 : w] as const));
    used.add(kind);
    const identified = today - rng.int(5, 300);
    const resolved = rng.chance(0.2) ? identified + rng.int(1, Math.min(120, today - 1 - identified)) : null;
    barriers.push({
      id: `bar_${patientKey(d.index)}_${i + 1}` as BarrierId,
      patientId: d.patient.id,
      kind,
      detail: rng.pick(detailsFor(kind, d)),
      status: resolved === null ? 'open' : 'resolved',
      identifiedOn: formatIsoDate(identified),
      resolvedOn: resolved === null ? null : formatIsoDate(resolved),
    });
  }
  return barriers;
}
