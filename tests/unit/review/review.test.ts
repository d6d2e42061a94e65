/**
 * Unit tests of the review's building blocks: vocabulary, input validation, agenda order, correction chains,
 * service-side meeting planning, the protocol document and the pseudonymous view rule.
 */
import { describe, expect, it } from 'vitest';
import { decisionInputSchema, type ProtocolSnapshot } from '../../../src/shared/contract/review';
import {
  DECISION_LABELS,
  VETO_REASON_CATEGORIES,
  VETO_REASON_LABELS,
  attendeeSchema,
  describeSchedule,
  participantLabel,
  reviewScheduleSchema,
} from '../../../src/shared/domain/review';
import { planMeetings, generationHorizon } from '../../../src/main/services/review/schedule';
import {
  chainHead,
  correctionChain,
  dayText,
  isPseudonymous,
  localDateTimeText,
  sortAgenda,
  type DecisionRow,
} from '../../../src/main/services/review/common';
import { protocolBlocks } from '../../../src/main/services/review/protocol';

describe('vocabulary', () => {
  it('has the veto reason categories with their Swedish labels', () => {
    expect(VETO_REASON_CATEGORIES).toEqual([
      'replaces_ordinary_work',
      'recent_redundancies',
      'poor_supervision',
      'unsuitable_tasks',
      'other',
    ]);
    expect(VETO_REASON_LABELS).toEqual({
      replaces_ordinary_work: 'Ersätter ordinarie arbete',
      recent_redundancies: 'Nyligen varslat/uppsagt på arbetsplatsen',
      poor_supervision: 'Bristande handledning',
      unsuitable_tasks: 'Arbetsuppgifterna är inte lämpliga',
      other: 'Annat',
    });
    expect(DECISION_LABELS).toEqual({ approve: 'Godkänt', veto: 'Veto', defer: 'Bordlagt' });
    expect(participantLabel('2026-0147')).toBe('Deltagare 2026-0147');
  });
});

describe('decision input', () => {
  it('accepts the three decisions with what each needs', () => {
    expect(decisionInputSchema.parse({ kind: 'approve' })).toEqual({ kind: 'approve' });
    expect(decisionInputSchema.parse({ kind: 'approve', comment: '  ' })).toEqual({ kind: 'approve', comment: null });
    expect(decisionInputSchema.parse({ kind: 'veto', reasonCategory: 'other', text: ' Skäl ' })).toEqual({
      kind: 'veto',
      reasonCategory: 'other',
      text: 'Skäl',
    });
    expect(decisionInputSchema.parse({ kind: 'defer', question: 'Vem handleder?' })).toEqual({
      kind: 'defer',
      question: 'Vem handleder?',
    });
  });

  it('refuses a veto without category or text and a deferral without question, in Swedish', () => {
    const noText = decisionInputSchema.safeParse({ kind: 'veto', reasonCategory: 'other', text: '' });
    expect(noText.success).toBe(false);
    expect(noText.error!.issues[0]).toMatchObject({ path: ['text'], message: 'Motivering måste anges' });
    const noCategory = decisionInputSchema.safeParse({ kind: 'veto', text: 'x' });
    expect(noCategory.error!.issues[0]).toMatchObject({
      path: ['reasonCategory'],
      message: 'Välj en orsak till vetot',
    });
    const noQuestion = decisionInputSchema.safeParse({ kind: 'defer', question: '   ' });
    expect(noQuestion.error!.issues[0]).toMatchObject({
      path: ['question'],
      message: 'Fråga till nästa möte måste anges',
    });
    expect(decisionInputSchema.safeParse({ kind: 'maybe' }).success).toBe(false);
  });

  it('validates attendees and the schedule, with defaults', () => {
    expect(attendeeSchema.parse({ name: ' Karin ', party: 'union' })).toEqual({
      name: 'Karin',
      party: 'union',
      title: null,
    });
    expect(attendeeSchema.safeParse({ name: 'Karin', party: 'hr' }).error!.issues[0]!.message).toBe(
      'Välj part: arbetsgivaren eller facket',
    );
    const s = reviewScheduleSchema.parse({ weekday: 2, parity: 'even', time: '09:00', place: 'Sandwalls plats' });
    expect(s).toMatchObject({ cutoffWorkingDays: 2, durationMinutes: 60 });
    expect(describeSchedule({ ...s, weekday: 1, parity: 'odd' })).toMatch(
      /^Måndagar, udda veckor, kl\. 09:00, Sandwalls plats\./,
    );
    expect(reviewScheduleSchema.safeParse({ ...s, cutoffWorkingDays: -1 }).success).toBe(false);
    expect(reviewScheduleSchema.safeParse({ ...s, weekday: 6 }).success).toBe(false);
  });
});

describe('agenda order', () => {
  it('puts returning items first, then new ones by submission time', () => {
    const rows = [
      { id: 1, origin: 'submitted', addedAt: '2026-11-02T10:00:00Z' },
      { id: 2, origin: 'deferred', addedAt: '2026-11-10T11:00:00Z' },
      { id: 3, origin: 'submitted', addedAt: '2026-11-01T10:00:00Z' },
      { id: 4, origin: 'carried_over', addedAt: '2026-11-10T11:00:00Z' },
      { id: 5, origin: 'moved', addedAt: '2026-11-09T09:00:00Z' },
    ];
    expect(sortAgenda(rows).map((r) => r.id)).toEqual([5, 2, 4, 3, 1]);
  });
});

describe('correction chains', () => {
  const d = (id: number, correctsDecisionId: number | null, decision = 'approve'): DecisionRow => ({
    id,
    meetingId: 1,
    proposalId: 1,
    agendaItemId: 1,
    decision,
    reasonCategory: null,
    text: null,
    question: null,
    decidedBy: null,
    decidedAt: `2026-11-0${id}T10:00:00Z`,
    correctsDecisionId,
    correctionReason: correctsDecisionId ? 'skäl' : null,
    recordedAt: `2026-11-0${id}T10:00:00Z`,
  });
  it('follows corrections to the decision in force', () => {
    const all = [d(1, null), d(2, 1, 'veto'), d(3, 2, 'veto'), d(4, null, 'defer')];
    expect(chainHead(all[0]!, all).id).toBe(3);
    expect(correctionChain(all[0]!, all).map((x) => x.id)).toEqual([2, 3]);
    expect(chainHead(all[3]!, all).id).toBe(4);
    expect(correctionChain(all[3]!, all)).toEqual([]);
  });
});

describe('pseudonymous view', () => {
  it('applies to a user whose only role is union', () => {
    expect(isPseudonymous(['union'])).toBe(true);
    expect(isPseudonymous(['union', 'coordinator'])).toBe(false);
    expect(isPseudonymous(['admin'])).toBe(false);
    expect(isPseudonymous([])).toBe(false);
  });
});

describe('planning meetings with the Swedish holiday calendar', () => {
  const schedule = reviewScheduleSchema.parse({ weekday: 4, parity: 'even', time: '13:00', place: 'X' });
  it('moves Ascension Day and counts the cutoff in working days across holidays', () => {
    const plan = planMeetings(schedule, '2027-04-01', '2027-06-30');
    const ascension = plan.find((m) => m.plannedDate === '2027-05-06')!;
    // Held Friday 7 May; two working days before it, skipping the holiday: Wednesday 5 (1), Tuesday 4 (2).
    expect(ascension).toMatchObject({ date: '2027-05-07', cutoffDate: '2027-05-04' });
    expect(ascension.movedReason).toMatch(/Kristi himmelsfärdsdag/);
    // Thursday 2027-04-01 (week 13, odd) is not a slot; Thursday 2027-04-08 (week 14): cutoff Tuesday 6 April.
    expect(plan[0]).toMatchObject({
      plannedDate: '2027-04-08',
      date: '2027-04-08',
      cutoffDate: '2027-04-06',
      movedReason: null,
    });
    // Thursday 22 April: cutoff Tuesday 20 (no holidays).
    expect(plan.find((m) => m.date === '2027-04-22')!.cutoffDate).toBe('2027-04-20');
  });
  it('with cutoff 0 the meeting day itself is the cutoff', () => {
    const plan = planMeetings({ ...schedule, cutoffWorkingDays: 0 }, '2027-04-01', '2027-04-30');
    expect(plan.every((m) => m.cutoffDate === m.date)).toBe(true);
  });
  it('generates a year ahead', () => {
    expect(generationHorizon('2026-11-23')).toBe('2027-11-23');
    expect(generationHorizon('2028-02-29')).toBe('2029-02-28');
  });
});

describe('dates and times in Swedish', () => {
  it('shows instants in Stockholm time across daylight saving', () => {
    expect(localDateTimeText('2026-12-08T08:00:00.000Z')).toBe('2026-12-08 09:00');
    expect(localDateTimeText('2027-06-08T08:00:00.000Z')).toBe('2027-06-08 10:00');
    expect(dayText('2026-12-08')).toBe('tisdag 2026-12-08');
    expect(dayText('2027-01-03')).toBe('söndag 2027-01-03');
  });
});

describe('protocol document', () => {
  const snapshot: ProtocolSnapshot = {
    version: 1,
    meeting: {
      id: 7,
      date: '2026-12-08',
      plannedDate: '2026-12-08',
      movedReason: null,
      time: '09:00',
      place: 'Sandwalls plats 4',
    },
    attendees: [
      { name: 'Karin Bergström', party: 'employer', partyLabel: 'Arbetsgivaren (Jobb Borås)', title: null },
      { name: 'Mehmet Yilmaz', party: 'union', partyLabel: 'Kommunal', title: 'Facklig företrädare' },
    ],
    openedAt: '2026-12-08T08:00:00.000Z',
    closedAt: '2026-12-08T09:10:00.000Z',
    closedByName: 'Karin Bergström',
    items: [
      {
        number: 1,
        proposalId: 11,
        participantLabel: 'Deltagare 2026-0147',
        positionTitle: 'Cykelmekaniker',
        positionKindLabel: 'Cykelverkstad',
        workplaceName: 'Cykelverkstaden',
        workplaceDistrict: 'Norrby',
        tasks: 'Reparationer',
        hoursPercent: 75,
        periodStart: '2027-01-04',
        periodEnd: null,
        periodName: null,
        employmentFormLabel: 'Anställning med lönestöd',
        subsidyTypeName: 'Lönestöd',
        originLabel: 'Nytt ärende',
        fromMeetingDate: null,
        previousQuestion: null,
        decisionId: 3,
        decision: 'veto',
        decisionLabel: 'Veto',
        reasonCategory: 'poor_supervision',
        reasonLabel: 'Bristande handledning',
        text: 'Ingen handledare.',
        question: null,
        decidedByName: 'Mehmet Yilmaz',
        decidedAt: '2026-12-08T08:20:00.000Z',
        nextMeetingDate: null,
      },
    ],
  };

  it('has the date, attendees, each item with decision and reason, and signatures', () => {
    const blocks = protocolBlocks(snapshot, []);
    const text = JSON.stringify(blocks);
    for (const s of [
      'tisdag 2026-12-08',
      'Karin Bergström',
      'Mehmet Yilmaz',
      '§ 1 Deltagare 2026-0147 – Cykelmekaniker',
      'Bristande handledning',
      'Ingen handledare.',
      'från 2027-01-04, tills vidare',
      '2026-12-08 10:10 av Karin Bergström',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('Rättelser efter justering');
    expect(blocks.at(-1)).toEqual({
      kind: 'signatures',
      parties: [
        { role: 'För arbetsgivaren (Jobb Borås)', name: 'Karin Bergström' },
        { role: 'För Kommunal', name: 'Mehmet Yilmaz' },
      ],
    });
  });

  it('appends corrections after the frozen part', () => {
    const blocks = protocolBlocks(snapshot, [
      {
        id: 9,
        final: true,
        meetingId: 7,
        meetingDate: '2026-12-08',
        kind: 'veto',
        label: 'Veto',
        reasonCategory: 'recent_redundancies',
        reasonLabel: 'Nyligen varslat/uppsagt på arbetsplatsen',
        text: 'Varsel i november.',
        question: null,
        decidedByName: 'Mehmet Yilmaz',
        decidedAt: '2026-12-10T12:00:00.000Z',
        correctsDecisionId: 3,
        correctionReason: 'Fel orsak angavs',
        correctedByDecisionId: null,
        participantLabel: 'Deltagare 2026-0147',
        itemNumber: 1,
      },
    ]);
    const text = JSON.stringify(blocks);
    const addendum = text.indexOf('Rättelser efter justering');
    expect(addendum).toBeGreaterThan(text.indexOf('Ingen handledare.'));
    expect(text.slice(addendum)).toContain('Fel orsak angavs');
    expect(text.slice(addendum)).toContain('§ 1, Deltagare 2026-0147');
  });
});
