import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { STAGES, type Stage } from '../../../src/shared/domain/participant';
import {
  GENERIC_TRANSITION_VIA,
  SERVICE_TRANSITION_VIA,
  TRANSITIONS,
  checkCommand,
  checkTransition,
  isMappingComplete,
  mappingMissing,
  nextSteps,
  pauseReturnStage,
  requiresCompleteMapping,
  type JourneyState,
  type MappingForCheck,
} from '../../../src/shared/rules/journey';

const complete: MappingForCheck = {
  languages: ['arabiska'],
  swedishLevel: 'sfi_d',
  educationLevel: 'upper_secondary',
  experienceText: 'Lagerarbete',
  skills: ['truck'],
  interests: [],
  wishedKinds: ['cleaning'],
  availablePercent: 100,
  earliestStart: '2026-12-01',
};
const empty: MappingForCheck = {
  languages: [],
  swedishLevel: null,
  educationLevel: null,
  experienceText: null,
  skills: [],
  interests: [],
  wishedKinds: [],
  availablePercent: null,
  earliestStart: null,
};

const state = (stage: Stage, extra: Partial<JourneyState> = {}): JourneyState => ({
  stage,
  pausedFromStage: stage === 'paused' ? 'mapped' : null,
  mapping: complete,
  ...extra,
});

/** docs/product.md §2, written out independently of the rule table. */
const ALLOWED: Record<Stage, Stage[]> = {
  referred: ['meeting_booked', 'paused', 'closed'],
  meeting_booked: ['referred', 'attended', 'paused', 'closed'],
  attended: ['mapped', 'paused', 'closed'],
  mapped: ['matching', 'paused', 'closed'],
  matching: ['mapped', 'proposed', 'paused', 'closed'],
  proposed: ['matching', 'approved'],
  approved: ['matching', 'placed'],
  placed: ['matching', 'exited'],
  exited: ['referred'],
  paused: ['mapped', 'closed'], // 'mapped' = the stage paused from
  closed: ['referred'],
};

const SWEDISH_SENTENCE = /^[A-ZÅÄÖ”].*[.]$/;

describe('the journey state machine', () => {
  it('allows exactly the transitions of docs/product.md §2', () => {
    for (const from of STAGES) {
      for (const to of STAGES) {
        const r = checkTransition(state(from), to);
        expect(r.ok, `${from} → ${to}`).toBe(ALLOWED[from].includes(to));
        if (!r.ok) expect(r.reason, `${from} → ${to}`).toMatch(SWEDISH_SENTENCE);
      }
    }
  });

  it('gives reasons a coordinator can act on', () => {
    const reason = (from: Stage, to: Stage, extra?: Partial<JourneyState>) => {
      const r = checkTransition(state(from, extra), to);
      return r.ok ? 'OK' : r.reason;
    };
    expect(reason('referred', 'mapped')).toMatch(/måste ha deltagit i ett informationsmöte/);
    expect(reason('attended', 'matching')).toMatch(/måste vara kartlagd/);
    expect(reason('matching', 'placed')).toBe(
      'Ingen placering utan godkänd prövning: deltagaren måste först föreslås och godkännas.',
    );
    expect(reason('proposed', 'placed')).toMatch(/Ingen placering utan godkänd prövning/);
    expect(reason('matching', 'exited')).toMatch(/Bara en placerad deltagare kan avslutas med utfall/);
    expect(reason('placed', 'closed')).toMatch(/avslutas med ett utfall/);
    expect(reason('approved', 'paused')).toMatch(/Dra tillbaka förslaget/);
    expect(reason('placed', 'paused')).toMatch(/registreras på placeringen/);
    expect(reason('paused', 'matching')).toBe(
      'Deltagaren är pausad. Återuppta först; deltagaren återgår då till ”Kartlagd”.',
    );
    expect(reason('closed', 'meeting_booked')).toMatch(/avslutad utan placering\. Registrera en ny remiss/);
    expect(reason('meeting_booked', 'meeting_booked')).toBe('Deltagaren är redan bokad till ett informationsmöte.');
    expect(reason('mapped', 'mapped')).toBe('Deltagaren är redan i steget ”Kartlagd”.');
    expect(reason('attended', 'mapped', { mapping: { ...complete, swedishLevel: null, wishedKinds: [] } })).toBe(
      'Kartläggningen är inte klar. Fyll i: svenskanivå, önskade placeringar.',
    );
  });

  it('needs a complete mapping to become mapped and to start matching', () => {
    expect(checkTransition(state('attended', { mapping: empty }), 'mapped').ok).toBe(false);
    expect(checkTransition(state('mapped', { mapping: empty }), 'matching').ok).toBe(false);
    expect(checkTransition(state('attended'), 'mapped').ok).toBe(true);
    expect(checkTransition(state('mapped'), 'matching').ok).toBe(true);
  });

  it('resumes to the stage paused from, and a booking cancelled by a pause returns to referred', () => {
    const paused = (from: Stage) => state('paused', { pausedFromStage: from });
    expect(checkCommand(paused('matching'), 'resume')).toMatchObject({ ok: true, to: 'matching' });
    expect(checkTransition(paused('matching'), 'matching')).toMatchObject({ ok: true, rule: { command: 'resume' } });
    expect(checkTransition(paused('matching'), 'mapped').ok).toBe(false);
    expect(checkCommand(state('paused', { pausedFromStage: null }), 'resume').ok).toBe(false);
    expect(checkCommand(state('referred'), 'resume')).toEqual({ ok: false, reason: 'Deltagaren är inte pausad.' });
    expect(pauseReturnStage('meeting_booked')).toBe('referred');
    expect(pauseReturnStage('matching')).toBe('matching');
  });

  it('tells a no-show from a cancelled booking, and refuses a command that does not lead there', () => {
    expect(checkTransition(state('meeting_booked'), 'referred', { command: 'record_no_show' })).toMatchObject({
      ok: true,
      rule: { command: 'record_no_show' },
    });
    expect(checkTransition(state('meeting_booked'), 'referred', { command: 'cancel_booking' })).toMatchObject({
      ok: true,
      rule: { command: 'cancel_booking' },
    });
    expect(checkTransition(state('meeting_booked'), 'referred', { command: 'reopen' }).ok).toBe(false);
  });

  it('points to the right place for a step taken elsewhere', () => {
    const r = checkTransition(state('matching'), 'proposed', { via: GENERIC_TRANSITION_VIA });
    expect(r).toEqual({ ok: false, reason: 'Stegbytet till ”Föreslagen” görs under Matchning.' });
    expect(checkTransition(state('approved'), 'placed', { via: GENERIC_TRANSITION_VIA })).toEqual({
      ok: false,
      reason: 'Stegbytet till ”Placerad” görs under Placeringar.',
    });
    expect(checkTransition(state('mapped'), 'paused', { via: GENERIC_TRANSITION_VIA })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/görs under Pausa/),
    });
    // other areas may propose, decide and place, but not pause, close, exit or reopen through the generic call
    expect(checkTransition(state('matching'), 'proposed', { via: SERVICE_TRANSITION_VIA }).ok).toBe(true);
    for (const [from, to] of [
      ['mapped', 'paused'],
      ['mapped', 'closed'],
      ['placed', 'exited'],
      ['closed', 'referred'],
    ] as const) {
      expect(checkTransition(state(from), to, { via: SERVICE_TRANSITION_VIA }).ok, `${from} → ${to}`).toBe(false);
    }
  });

  it('lists the next steps with whether they can be taken now', () => {
    const steps = (s: JourneyState) => nextSteps(s).map((x) => `${x.command}:${x.to}:${x.enabled ? 'on' : 'off'}`);
    expect(steps(state('referred'))).toEqual(['book_meeting:meeting_booked:on', 'pause:paused:on', 'close:closed:on']);
    expect(steps(state('attended', { mapping: empty }))).toEqual([
      'mark_mapped:mapped:off',
      'pause:paused:on',
      'close:closed:on',
    ]);
    const attended = nextSteps(state('attended', { mapping: empty }))[0]!;
    expect(attended.reason).toMatch(/^Kartläggningen är inte klar/);
    expect(steps(state('placed'))).toEqual(['placement_ended:matching:on', 'exit:exited:on']);
    const paused = nextSteps(state('paused', { pausedFromStage: 'attended' }));
    expect(paused[0]).toMatchObject({
      command: 'resume',
      to: 'attended',
      label: 'Återuppta (till har deltagit i informationsmöte)',
    });
    expect(nextSteps(state('matching')).find((x) => x.command === 'propose')).toMatchObject({
      manual: false,
      via: 'matching',
    });
    for (const s of STAGES)
      for (const step of nextSteps(state(s))) expect(step.enabled || step.reason !== null).toBe(true);
  });

  it('every rule has a Swedish label and leads somewhere reachable', () => {
    for (const r of TRANSITIONS) {
      expect(r.label).toMatch(/^[A-ZÅÄÖ]/);
      expect(r.from.length).toBeGreaterThan(0);
    }
  });

  it('never places without approval and never exits without a placement, whatever the order of commands', () => {
    const commands = TRANSITIONS.map((r) => r.command);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...commands), { maxLength: 60 }), (seq) => {
        let s: JourneyState = { stage: 'referred', pausedFromStage: null, mapping: complete };
        for (const cmd of seq) {
          const r = checkCommand(s, cmd);
          if (!r.ok) continue;
          if (r.to === 'placed') expect(s.stage).toBe('approved');
          if (r.to === 'approved') expect(s.stage).toBe('proposed');
          if (r.to === 'exited') expect(s.stage).toBe('placed');
          if (r.to === 'mapped') expect(['attended', 'matching', 'paused']).toContain(s.stage);
          s = {
            ...s,
            stage: r.to,
            pausedFromStage: r.to === 'paused' ? pauseReturnStage(s.stage) : null,
          };
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('mapping completeness', () => {
  it('lists what matching still needs, in form order', () => {
    expect(mappingMissing(empty)).toEqual([
      'languages',
      'swedishLevel',
      'educationLevel',
      'experienceText',
      'skillsOrInterests',
      'wishedKinds',
      'availablePercent',
      'earliestStart',
    ]);
    expect(mappingMissing(complete)).toEqual([]);
    expect(isMappingComplete(complete)).toBe(true);
  });

  it('accepts skills or interests, and treats blank text as missing', () => {
    expect(mappingMissing({ ...complete, skills: [], interests: ['trädgård'] })).toEqual([]);
    expect(mappingMissing({ ...complete, skills: [], interests: [] })).toEqual(['skillsOrInterests']);
    expect(mappingMissing({ ...complete, experienceText: '   ' })).toEqual(['experienceText']);
    expect(mappingMissing({ ...complete, availablePercent: 0 })).toEqual([]); // a number is an answer
  });

  it('must stay complete while the person is mapped or further on, also while paused from there', () => {
    expect(requiresCompleteMapping('attended', null)).toBe(false);
    for (const s of ['mapped', 'matching', 'proposed', 'approved', 'placed'] as const)
      expect(requiresCompleteMapping(s, null)).toBe(true);
    expect(requiresCompleteMapping('paused', 'matching')).toBe(true);
    expect(requiresCompleteMapping('paused', 'referred')).toBe(false);
    expect(requiresCompleteMapping('exited', null)).toBe(false);
  });
});
