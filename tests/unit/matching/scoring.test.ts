import { describe, expect, it } from 'vitest';
import {
  compareCandidates,
  explainPair,
  maxScore,
  prepareParticipant,
  prepareSlot,
  scorePair,
  type ParticipantFacts,
  type ScoringContext,
  type SlotFacts,
} from '../../../src/main/matching/scoring';
import {
  DEFAULT_MATCH_WEIGHTS,
  redactExplanation,
  type MatchCriterionKey,
  type MatchWeights,
} from '../../../src/shared/domain/proposal';

const TODAY = '2026-11-23';
const ctx: ScoringContext = { today: TODAY, weights: DEFAULT_MATCH_WEIGHTS };

function participant(over: Partial<ParticipantFacts> = {}): ParticipantFacts {
  return {
    id: 1,
    stage: 'matching',
    swedishLevel: 'sfi_c',
    licenceClasses: [],
    skills: [],
    interests: [],
    languages: [],
    experienceText: null,
    wishedKinds: [],
    availablePercent: 100,
    earliestStart: null,
    district: null,
    referralDate: TODAY,
    longTermRecipient: false,
    childrenInHousehold: 0,
    activePlacementForms: [],
    vetoedPositionIds: [],
    ...over,
  };
}

function slot(over: Partial<SlotFacts> = {}): SlotFacts {
  return {
    positionId: 10,
    periodId: null,
    periodName: null,
    title: 'Cykelreparatör',
    kind: 'bicycle_workshop',
    employmentForm: 'subsidised_employment',
    active: true,
    district: null,
    tasks: 'Reparera cyklar.',
    skills: [],
    languages: [],
    minSwedishLevel: null,
    requiredLicence: null,
    hoursPercent: 100,
    startDate: '2026-01-01',
    endDate: null,
    free: 2,
    slots: 2,
    ...over,
  };
}

function explain(p: Partial<ParticipantFacts>, s: Partial<SlotFacts>, c: ScoringContext = ctx) {
  return explainPair(prepareParticipant(participant(p), c), prepareSlot(slot(s)), c);
}
function score(p: Partial<ParticipantFacts>, s: Partial<SlotFacts>, c: ScoringContext = ctx) {
  return scorePair(prepareParticipant(participant(p), c), prepareSlot(slot(s)), c);
}
const excludedBy = (p: Partial<ParticipantFacts>, s: Partial<SlotFacts>) =>
  explain(p, s).excluded.map((e) => e.constraint);
const pts = (p: Partial<ParticipantFacts>, s: Partial<SlotFacts>, key: MatchCriterionKey, c: ScoringContext = ctx) =>
  explain(p, s, c).criteria.find((x) => x.criterion === key)!;

describe('hard constraints', () => {
  it('allows a plain pair and excludes nothing', () => {
    const e = explain({}, {});
    expect(e.eligible).toBe(true);
    expect(e.excluded).toEqual([]);
    expect(score({}, {})).toBe(e.score);
  });

  it('stage: only participants who are mapped or in matching are candidates', () => {
    expect(excludedBy({ stage: 'mapped' }, {})).toEqual([]);
    for (const stage of ['referred', 'attended', 'proposed', 'placed', 'paused', 'closed', 'exited']) {
      expect(excludedBy({ stage }, {})).toEqual(['stage']);
      expect(score({ stage }, {})).toBe(-1);
    }
    expect(explain({ stage: 'paused' }, {}).excluded[0]!.detail).toBe(
      'Deltagaren är pausad och väntar inte på matchning.',
    );
  });

  it('inactive position or workplace excludes', () => {
    expect(excludedBy({}, { active: false })).toEqual(['inactive']);
  });

  it('licence: the required class or one that covers it (C covers B), case-insensitive', () => {
    const s = { requiredLicence: 'B' };
    expect(excludedBy({ licenceClasses: [] }, s)).toEqual(['licence']);
    expect(explain({ licenceClasses: [] }, s).excluded[0]!.detail).toBe(
      'Platsen kräver körkort B; deltagaren har inget körkort.',
    );
    expect(excludedBy({ licenceClasses: ['AM'] }, s)).toEqual(['licence']);
    expect(explain({ licenceClasses: ['AM', 'A'] }, s).excluded[0]!.detail).toBe(
      'Platsen kräver körkort B; deltagaren har behörighet A och AM.',
    );
    expect(excludedBy({ licenceClasses: ['B'] }, s)).toEqual([]);
    expect(excludedBy({ licenceClasses: ['b'] }, s)).toEqual([]);
    expect(excludedBy({ licenceClasses: ['CE'] }, s)).toEqual([]);
    expect(excludedBy({ licenceClasses: ['B'] }, { requiredLicence: 'C' })).toEqual(['licence']);
  });

  it('Swedish level: at least the minimum; an unmapped level does not pass', () => {
    const s = { minSwedishLevel: 'sfi_c' };
    expect(excludedBy({ swedishLevel: 'sfi_b' }, s)).toEqual(['swedish']);
    expect(explain({ swedishLevel: 'sfi_b' }, s).excluded[0]!.detail).toBe(
      'Platsen kräver lägst SFI kurs C; deltagaren har SFI kurs B.',
    );
    expect(excludedBy({ swedishLevel: 'sfi_c' }, s)).toEqual([]);
    expect(excludedBy({ swedishLevel: 'sas' }, s)).toEqual([]);
    expect(excludedBy({ swedishLevel: 'native' }, s)).toEqual([]);
    expect(excludedBy({ swedishLevel: null }, s)).toEqual(['swedish']);
    expect(explain({ swedishLevel: null }, s).excluded[0]!.detail).toMatch(/inte kartlagd/);
    expect(excludedBy({ swedishLevel: null }, { minSwedishLevel: null })).toEqual([]);
  });

  it('hours: the participant must be available for at least the position’s percentage', () => {
    expect(excludedBy({ availablePercent: 50 }, { hoursPercent: 75 })).toEqual(['hours']);
    expect(explain({ availablePercent: 50 }, { hoursPercent: 75 }).excluded[0]!.detail).toBe(
      'Platsen är på 75 % men deltagaren kan arbeta 50 %.',
    );
    expect(excludedBy({ availablePercent: 75 }, { hoursPercent: 75 })).toEqual([]);
    expect(excludedBy({ availablePercent: null }, { hoursPercent: 50 })).toEqual(['hours']);
  });

  it('start: the earliest start must fall within the position’s period', () => {
    const s = { startDate: '2026-01-01', endDate: '2027-03-31' };
    expect(excludedBy({ earliestStart: '2027-04-01' }, s)).toEqual(['start']);
    expect(explain({ earliestStart: '2027-04-01' }, s).excluded[0]!.detail).toBe(
      'Deltagaren kan börja tidigast 2027-04-01 men platsens period slutar 2027-03-31.',
    );
    expect(excludedBy({ earliestStart: '2027-03-31' }, s)).toEqual([]);
    expect(explain({ earliestStart: '2027-02-01' }, s).startDate).toBe('2027-02-01');
    expect(explain({ earliestStart: null }, s).startDate).toBe(TODAY);
    // An earliest start in the past means "now"; a position that starts later starts then.
    expect(explain({ earliestStart: '2026-01-01' }, { startDate: '2027-01-10', endDate: null }).startDate).toBe(
      '2027-01-10',
    );
    // A position whose period has ended takes nobody.
    expect(excludedBy({}, { startDate: '2025-01-01', endDate: '2026-10-31' })).toEqual(['start']);
  });

  it('start: a summer-job period is taken from its first day and must not have begun', () => {
    const period = {
      periodId: 3,
      periodName: 'Period 1',
      startDate: '2027-06-14',
      endDate: '2027-07-02',
      employmentForm: 'summer_job',
      kind: 'summer_job' as const,
    };
    expect(excludedBy({ earliestStart: '2027-06-14' }, period)).toEqual([]);
    expect(explain({ earliestStart: '2027-05-01' }, period).startDate).toBe('2027-06-14');
    expect(excludedBy({ earliestStart: '2027-06-15' }, period)).toEqual(['start']);
    expect(explain({ earliestStart: '2027-06-15' }, period).excluded[0]!.detail).toBe(
      'Perioden Period 1 börjar 2027-06-14 men deltagaren kan börja först 2027-06-15.',
    );
    const begun = { ...period, startDate: '2026-11-16', endDate: '2026-12-04' };
    expect(excludedBy({}, begun)).toEqual(['start']);
    expect(explain({}, begun).excluded[0]!.detail).toMatch(/började 2026-11-16/);
  });

  it('already placed: an active placement excludes, summer jobs apart', () => {
    expect(excludedBy({ activePlacementForms: ['subsidised_employment'] }, {})).toEqual(['placed']);
    expect(
      excludedBy({ activePlacementForms: ['work_training'] }, { employmentForm: 'summer_job', kind: 'summer_job' }),
    ).toEqual(['placed']);
    // An active summer job blocks another summer job but not an ordinary position.
    expect(
      excludedBy({ activePlacementForms: ['summer_job'] }, { employmentForm: 'summer_job', kind: 'summer_job' }),
    ).toEqual(['placed']);
    expect(excludedBy({ activePlacementForms: ['summer_job'] }, {})).toEqual([]);
  });

  it('earlier veto of the same pair excludes that pair only', () => {
    expect(excludedBy({ vetoedPositionIds: [10] }, { positionId: 10 })).toEqual(['vetoed']);
    expect(excludedBy({ vetoedPositionIds: [10] }, { positionId: 11 })).toEqual([]);
  });

  it('no free slot excludes', () => {
    expect(excludedBy({}, { free: 0, slots: 3 })).toEqual(['noSlot']);
    expect(explain({}, { free: 0, slots: 3 }).excluded[0]!.detail).toBe(
      'Alla 3 platser är tillsatta eller reserverade.',
    );
  });

  it('lists every broken constraint, still shows the score, and scorePair says -1', () => {
    const e = explain(
      { availablePercent: 25, swedishLevel: 'sfi_a', vetoedPositionIds: [10] },
      { minSwedishLevel: 'sfi_d', free: 0 },
    );
    expect(e.excluded.map((x) => x.constraint)).toEqual(['vetoed', 'hours', 'swedish', 'noSlot']);
    expect(e.eligible).toBe(false);
    expect(e.score).toBeGreaterThan(0);
    expect(e.excluded.every((x) => x.label.length > 0 && x.detail.endsWith('.'))).toBe(true);
    expect(score({ availablePercent: 25 }, {})).toBe(-1);
  });
});

describe('soft criteria', () => {
  it('skills: matched share of the wanted skills (full from three), ignoring case; does not apply (nothing) when none are wanted', () => {
    const s = { skills: ['Cykelreparation', 'verktygshantering', 'kundbemötande', 'kassa'] };
    expect(pts({ skills: [] }, s, 'skills').points).toBe(0);
    expect(pts({ skills: ['cykelreparation'] }, s, 'skills').points).toBe(7); // 20 × 1/3
    expect(pts({ skills: ['cykelreparation', 'KASSA'] }, s, 'skills').points).toBe(13);
    expect(pts({ skills: ['cykelreparation', 'kassa', 'kundbemötande'] }, s, 'skills').points).toBe(20);
    expect(pts({ skills: ['städning'] }, { skills: ['städning'] }, 'skills').points).toBe(20);
    expect(pts({ skills: ['städning'] }, { skills: [] }, 'skills')).toMatchObject({
      points: 0,
      detail: 'Gäller inte: platsen efterfrågar inga särskilda färdigheter.',
    });
    expect(pts({ skills: ['cykelreparation', 'kassa'] }, s, 'skills').detail).toBe(
      'Deltagaren har 2 av platsens 4 efterfrågade färdigheter: cykelreparation och kassa.',
    );
  });

  it('experience: keywords of the kind and the position’s skills in the experience text', () => {
    expect(pts({ experienceText: null }, {}, 'experience')).toMatchObject({
      points: 0,
      detail: 'Ingen arbetslivserfarenhet är kartlagd.',
    });
    expect(pts({ experienceText: 'Lagerarbete i Göteborg' }, {}, 'experience').points).toBe(0);
    expect(pts({ experienceText: 'Cykelbud i två år' }, {}, 'experience').points).toBe(8); // one hit: 15 × 1/2
    expect(pts({ experienceText: 'Mekaniker på en cykelverkstad i Damaskus' }, {}, 'experience')).toMatchObject({
      points: 15,
    });
    // A position skill found in the text counts too.
    expect(
      pts(
        { experienceText: 'Har arbetat med kundbemötande i butik' },
        { kind: 'carpentry', skills: ['kundbemötande'] },
        'experience',
      ).points,
    ).toBe(8);
    expect(pts({ experienceText: 'Städade på hotell' }, { kind: 'cleaning' }, 'experience').detail).toBe(
      'Erfarenheten nämner ”städ” och ”hotell”, som passar platsen.',
    );
  });

  it('experience: whole words, and only the trade the municipal position names', () => {
    const park = {
      kind: 'municipal_department' as const,
      title: 'Parkarbetare',
      tasks: 'Skötsel av parker och planteringar: kratta, rensa rabatter och plocka skräp.',
    };
    // Preschool experience does not help a park worker (it gave 15 of 15 before).
    expect(pts({ experienceText: 'Arbetade på en förskola i Mogadishu' }, park, 'experience').points).toBe(0);
    // Garden work does.
    expect(pts({ experienceText: 'Trädgårdsarbete och parkskötsel' }, park, 'experience')).toMatchObject({
      points: 15,
      detail: 'Erfarenheten nämner ”park” och ”trädgård”, som passar platsen.',
    });
    // The preschool's own position counts preschool experience.
    const preschool = {
      kind: 'municipal_department' as const,
      title: 'Barnskötare i förskola',
      tasks: 'Hjälpa till i förskolans vardag.',
    };
    expect(pts({ experienceText: 'Arbetade på en förskola' }, preschool, 'experience').points).toBeGreaterThan(0);
    // A stem counts at the start of a word only: "disk" is not found inside "jurisdiktion".
    const kitchen = {
      kind: 'municipal_department' as const,
      title: 'Köksbiträde',
      tasks: 'Disk och servering i storkök.',
    };
    expect(pts({ experienceText: 'Studerade jurisdiktion' }, kitchen, 'experience').points).toBe(0);
    expect(pts({ experienceText: 'Diskade på restaurang' }, kitchen, 'experience').points).toBe(15);
  });

  it('wishes: wished kind full, no wishes neutral, other wishes none unless an interest fits', () => {
    expect(pts({ wishedKinds: ['bicycle_workshop'] }, {}, 'wishes')).toMatchObject({
      points: 20,
      detail: 'Deltagaren önskar cykelverkstad.',
    });
    expect(pts({ wishedKinds: ['workshop_bicycle'] }, {}, 'wishes').points).toBe(20); // the participant area's spelling
    expect(pts({ wishedKinds: [] }, {}, 'wishes').points).toBe(10);
    expect(pts({ wishedKinds: ['cleaning', 'carpentry'] }, {}, 'wishes')).toMatchObject({
      points: 0,
      detail: 'Deltagaren önskar i stället städorganisationen och snickeri.',
    });
    expect(pts({ wishedKinds: ['cleaning'], interests: ['cyklar och cykelturer'] }, {}, 'wishes').points).toBe(10);
    expect(
      pts({ wishedKinds: ['cleaning'], interests: ['kundbemötande'] }, { skills: ['kundbemötande'] }, 'wishes').points,
    ).toBe(10);
  });

  it('district: same district full, far away none, unknown neutral, nearer is better', () => {
    expect(pts({ district: 'Hulta' }, { district: 'hulta' }, 'district')).toMatchObject({
      points: 10,
      detail: 'Deltagaren bor i samma stadsdel som arbetsplatsen (hulta).',
    });
    expect(pts({ district: 'Fristad' }, { district: 'Viskafors' }, 'district').points).toBe(0);
    expect(pts({ district: null }, { district: 'Hulta' }, 'district').points).toBe(5);
    expect(pts({ district: 'Ulricehamn' }, { district: 'Hulta' }, 'district').points).toBe(5);
    const near = pts({ district: 'Centrum' }, { district: 'Sjöbo' }, 'district');
    expect(near.points).toBeGreaterThan(5);
    expect(near.points).toBeLessThan(10);
    expect(near.detail).toBe('Centrum – Sjöbo: cirka 3 km.');
    expect(pts({ district: 'Centrum' }, { district: 'Dalsjöfors' }, 'district').points).toBeLessThan(near.points);
  });

  it('languages: a useful language spoken gives full points; none wanted does not apply', () => {
    expect(pts({ languages: ['Arabiska'] }, { languages: ['arabiska', 'somaliska'] }, 'languages').points).toBe(5);
    expect(pts({ languages: ['dari'] }, { languages: ['arabiska'] }, 'languages').points).toBe(0);
    // A criterion the position does not use gives points for nothing no more (issue: "Språk 3 av 5 – Platsen anger
    // inga språk som merit").
    expect(pts({ languages: ['dari'] }, { languages: [] }, 'languages')).toMatchObject({
      points: 0,
      detail: 'Gäller inte: platsen anger inga språk som merit.',
    });
  });

  it('waiting: grows with days since referral, full from 180 days', () => {
    expect(pts({ referralDate: TODAY }, {}, 'waiting').points).toBe(0);
    expect(pts({ referralDate: '2026-08-25' }, {}, 'waiting')).toMatchObject({
      points: 8,
      detail: 'Har väntat 90 dagar sedan remissen 2026-08-25.',
    });
    expect(pts({ referralDate: '2025-01-01' }, {}, 'waiting').points).toBe(15);
    expect(pts({ referralDate: '2026-11-22' }, {}, 'waiting').detail).toBe(
      'Har väntat 1 dag sedan remissen 2026-11-22.',
    );
  });

  it('priority: long-term recipients and households with children, marked sensitive', () => {
    expect(pts({ longTermRecipient: true }, {}, 'longTerm')).toMatchObject({ points: 10, sensitive: true });
    expect(pts({ longTermRecipient: false }, {}, 'longTerm').points).toBe(0);
    expect(pts({ childrenInHousehold: 2 }, {}, 'children')).toMatchObject({
      points: 5,
      sensitive: true,
      detail: 'Hushåll med 2 barn ger förtur.',
    });
    expect(pts({ childrenInHousehold: 0 }, {}, 'children').points).toBe(0);
    expect(pts({}, {}, 'skills').sensitive).toBe(false);
  });
});

describe('weights, totals and determinism', () => {
  const weights: MatchWeights = {
    skills: 50,
    experience: 0,
    wishes: 10,
    district: 0,
    languages: 0,
    waiting: 0,
    longTerm: 40,
    children: 0,
  };
  const custom: ScoringContext = { today: TODAY, weights };

  it('each criterion gives at most its weight; the score is the sum and the maximum the sum of weights', () => {
    const e = explain(
      { skills: ['kassa'], longTermRecipient: true, wishedKinds: ['bicycle_workshop'] },
      { skills: ['kassa'] },
      custom,
    );
    expect(e.max).toBe(100);
    expect(maxScore(weights)).toBe(100);
    expect(e.criteria.map((c) => [c.criterion, c.points, c.max])).toEqual([
      ['skills', 50, 50],
      ['experience', 0, 0],
      ['wishes', 10, 10],
      ['district', 0, 0],
      ['languages', 0, 0],
      ['waiting', 0, 0],
      ['longTerm', 40, 40],
      ['children', 0, 0],
    ]);
    expect(e.score).toBe(100);
    expect(explain({}, {}).max).toBe(100); // defaults also sum to 100
  });

  it('changing the weights changes the ranking', () => {
    const a = participant({ id: 1, skills: ['kassa'], longTermRecipient: false });
    const b = participant({ id: 2, skills: [], longTermRecipient: true });
    const s = prepareSlot(slot({ skills: ['kassa'] }));
    const skillsHeavy: ScoringContext = { today: TODAY, weights: { ...weights, skills: 60, longTerm: 10 } };
    const priorityHeavy: ScoringContext = { today: TODAY, weights: { ...weights, skills: 10, longTerm: 60 } };
    const sc = (p: ParticipantFacts, c: ScoringContext) => scorePair(prepareParticipant(p, c), s, c);
    expect(sc(a, skillsHeavy)).toBeGreaterThan(sc(b, skillsHeavy));
    expect(sc(b, priorityHeavy)).toBeGreaterThan(sc(a, priorityHeavy));
  });

  it('the same input gives the same output', () => {
    const p = {
      skills: ['kassa', 'sortering'],
      district: 'Norrby',
      experienceText: 'Butik och lager',
      referralDate: '2026-05-05',
      childrenInHousehold: 1,
    };
    const s = {
      kind: 'second_hand' as const,
      district: 'Norrby',
      skills: ['sortering', 'kassa', 'prismärkning'],
      languages: ['arabiska'],
    };
    expect(explain(p, s)).toEqual(explain(p, s));
    expect(JSON.stringify(explain(p, s))).toBe(JSON.stringify(explain(p, s)));
  });

  it('orders candidates by score, then longest waiting, then id', () => {
    const rows = [
      { score: 50, referralDate: '2026-03-01', participantId: 3 },
      { score: 70, referralDate: '2026-05-01', participantId: 2 },
      { score: 50, referralDate: '2026-01-01', participantId: 9 },
      { score: 50, referralDate: '2026-01-01', participantId: 4 },
    ];
    expect([...rows].sort(compareCandidates).map((r) => r.participantId)).toEqual([2, 4, 9, 3]);
  });

  it('redaction removes the sensitive criteria and their points', () => {
    const e = explain({ longTermRecipient: true, childrenInHousehold: 3, skills: ['kassa'] }, { skills: ['kassa'] });
    const r = redactExplanation(e);
    expect(r.criteria.map((c) => c.criterion)).not.toContain('longTerm');
    expect(r.criteria.map((c) => c.criterion)).not.toContain('children');
    expect(r.score).toBe(e.score - 15);
    expect(r.max).toBe(85);
    expect(r.redacted).toBe(true);
    expect(JSON.stringify(r)).not.toMatch(/barn|försörjningsstöd/i);
  });
});
