/**
 * The participant's journey (docs/product.md §2) as an explicit state machine.
 *
 *   referred ─▶ meeting_booked ─▶ attended ─▶ mapped ─▶ matching ─▶ proposed ─▶ approved ─▶ placed ─▶ exited
 *      ▲   no-show / cancelled ◀──┘                      ▲  ◀── returned ──┘         │           │
 *      │                                                 └──── withdrawn / ended ◀───┴───────────┘
 *   side states: paused (from referred … matching; resume returns to the stage paused from)
 *                closed without placement (from referred … matching, and from paused)
 *   closed / exited ─▶ referred (a new referral of the same person)
 *
 * Every transition is a named command with its own rule check; a refused transition comes with a Swedish reason
 * the user can act on. Pure: no database, no clock.
 */
import { STAGE_LABELS, type Stage } from '../domain/participant';

export type JourneyCommand =
  | 'book_meeting'
  | 'cancel_booking'
  | 'record_attended'
  | 'record_no_show'
  | 'mark_mapped'
  | 'start_matching'
  | 'back_to_mapping'
  | 'propose'
  | 'proposal_returned'
  | 'approve'
  | 'approval_withdrawn'
  | 'place'
  | 'placement_ended'
  | 'exit'
  | 'pause'
  | 'resume'
  | 'close'
  | 'reopen';

/** Where a command is carried out: a procedure of this area, or another part of Växla. */
export type JourneyVia =
  | 'participants.transition'
  | 'participants.pause'
  | 'participants.resume'
  | 'participants.close'
  | 'participants.exit'
  | 'participants.reopen'
  | 'meetings.book'
  | 'meetings.unbook'
  | 'meetings.recordAttendance'
  | 'matching'
  | 'review'
  | 'placements';

export const VIA_LABELS: Record<JourneyVia, string> = {
  'participants.transition': 'deltagarsidan',
  'participants.pause': 'Pausa',
  'participants.resume': 'Återuppta',
  'participants.close': 'Avsluta utan placering',
  'participants.exit': 'Avsluta med utfall',
  'participants.reopen': 'Ny remiss',
  'meetings.book': 'Informationsmöten',
  'meetings.unbook': 'Informationsmöten',
  'meetings.recordAttendance': 'Informationsmöten',
  matching: 'Matchning',
  review: 'Facklig prövning',
  placements: 'Placeringar',
};

export interface TransitionRule {
  command: JourneyCommand;
  from: readonly Stage[];
  /** 'previous' = the stage the person was paused from. */
  to: Stage | 'previous';
  /** Swedish name of the step as a button or menu item. */
  label: string;
  via: JourneyVia;
  /** true: the user takes the step from the participant or meeting pages; false: another part of Växla does. */
  manual: boolean;
}

/** Stages from which a person can be paused or closed without placement. */
const BEFORE_PROPOSAL: readonly Stage[] = ['referred', 'meeting_booked', 'attended', 'mapped', 'matching'];

export const TRANSITIONS: readonly TransitionRule[] = [
  {
    command: 'book_meeting',
    from: ['referred'],
    to: 'meeting_booked',
    label: 'Boka informationsmöte',
    via: 'meetings.book',
    manual: true,
  },
  {
    command: 'cancel_booking',
    from: ['meeting_booked'],
    to: 'referred',
    label: 'Avboka informationsmötet',
    via: 'meetings.unbook',
    manual: true,
  },
  {
    command: 'record_attended',
    from: ['meeting_booked'],
    to: 'attended',
    label: 'Registrera närvaro',
    via: 'meetings.recordAttendance',
    manual: true,
  },
  {
    command: 'record_no_show',
    from: ['meeting_booked'],
    to: 'referred',
    label: 'Registrera uteblivet besök',
    via: 'meetings.recordAttendance',
    manual: true,
  },
  {
    command: 'mark_mapped',
    from: ['attended'],
    to: 'mapped',
    label: 'Markera som kartlagd',
    via: 'participants.transition',
    manual: true,
  },
  {
    command: 'start_matching',
    from: ['mapped'],
    to: 'matching',
    label: 'Redo för matchning',
    via: 'participants.transition',
    manual: true,
  },
  {
    command: 'back_to_mapping',
    from: ['matching'],
    to: 'mapped',
    label: 'Tillbaka till kartläggning',
    via: 'participants.transition',
    manual: true,
  },
  {
    command: 'propose',
    from: ['matching'],
    to: 'proposed',
    label: 'Föreslå placering',
    via: 'matching',
    manual: false,
  },
  {
    command: 'proposal_returned',
    from: ['proposed'],
    to: 'matching',
    label: 'Tillbaka till matchning (förslaget avslogs eller drogs tillbaka)',
    via: 'review',
    manual: false,
  },
  {
    command: 'approve',
    from: ['proposed'],
    to: 'approved',
    label: 'Godkänn vid facklig prövning',
    via: 'review',
    manual: false,
  },
  {
    command: 'approval_withdrawn',
    from: ['approved'],
    to: 'matching',
    label: 'Tillbaka till matchning (placeringen blev inte av)',
    via: 'placements',
    manual: false,
  },
  { command: 'place', from: ['approved'], to: 'placed', label: 'Starta placering', via: 'placements', manual: false },
  {
    command: 'placement_ended',
    from: ['placed'],
    to: 'matching',
    label: 'Tillbaka till matchning (placeringen avbröts)',
    via: 'placements',
    manual: false,
  },
  {
    command: 'exit',
    from: ['placed'],
    to: 'exited',
    label: 'Avsluta med utfall',
    via: 'participants.exit',
    manual: true,
  },
  { command: 'pause', from: BEFORE_PROPOSAL, to: 'paused', label: 'Pausa', via: 'participants.pause', manual: true },
  { command: 'resume', from: ['paused'], to: 'previous', label: 'Återuppta', via: 'participants.resume', manual: true },
  {
    command: 'close',
    from: [...BEFORE_PROPOSAL, 'paused'],
    to: 'closed',
    label: 'Avsluta utan placering',
    via: 'participants.close',
    manual: true,
  },
  {
    command: 'reopen',
    from: ['closed', 'exited'],
    to: 'referred',
    label: 'Ny remiss (återaktivera)',
    via: 'participants.reopen',
    manual: true,
  },
];

// ---------------------------------------------------------------------------------------------
// Mapping (kartläggning) completeness

/** The mapping fields matching needs; a person is mapped only when all are filled. */
export interface MappingForCheck {
  languages: readonly string[];
  swedishLevel: string | null;
  educationLevel: string | null;
  experienceText: string | null;
  skills: readonly string[];
  interests: readonly string[];
  wishedKinds: readonly string[];
  availablePercent: number | null;
  earliestStart: string | null;
}

export type MappingRequirement =
  | 'languages'
  | 'swedishLevel'
  | 'educationLevel'
  | 'experienceText'
  | 'skillsOrInterests'
  | 'wishedKinds'
  | 'availablePercent'
  | 'earliestStart';

export const MAPPING_REQUIREMENT_LABELS: Record<MappingRequirement, string> = {
  languages: 'Språk',
  swedishLevel: 'Svenskanivå',
  educationLevel: 'Utbildningsnivå',
  experienceText: 'Arbetslivserfarenhet',
  skillsOrInterests: 'Kompetenser eller intressen',
  wishedKinds: 'Önskade placeringar',
  availablePercent: 'Tillgänglig tid',
  earliestStart: 'Tidigaste start',
};

const blank = (s: string | null) => s === null || s.trim() === '';

/** The mapping fields that are still empty, in form order. Licence classes and restrictions may be empty. */
export function mappingMissing(m: MappingForCheck): MappingRequirement[] {
  const missing: MappingRequirement[] = [];
  if (m.languages.length === 0) missing.push('languages');
  if (blank(m.swedishLevel)) missing.push('swedishLevel');
  if (blank(m.educationLevel)) missing.push('educationLevel');
  if (blank(m.experienceText)) missing.push('experienceText');
  if (m.skills.length === 0 && m.interests.length === 0) missing.push('skillsOrInterests');
  if (m.wishedKinds.length === 0) missing.push('wishedKinds');
  if (m.availablePercent === null) missing.push('availablePercent');
  if (blank(m.earliestStart)) missing.push('earliestStart');
  return missing;
}

export const isMappingComplete = (m: MappingForCheck): boolean => mappingMissing(m).length === 0;

export function describeMissing(missing: readonly MappingRequirement[]): string {
  return missing.map((f) => MAPPING_REQUIREMENT_LABELS[f].toLocaleLowerCase('sv-SE')).join(', ');
}

/** Stages in which the mapping must stay complete (edits that empty a required field are refused). */
const MAPPED_STAGES: readonly Stage[] = ['mapped', 'matching', 'proposed', 'approved', 'placed'];

export function requiresCompleteMapping(stage: Stage, pausedFromStage: Stage | null): boolean {
  return (
    MAPPED_STAGES.includes(stage) ||
    (stage === 'paused' && pausedFromStage !== null && MAPPED_STAGES.includes(pausedFromStage))
  );
}

// ---------------------------------------------------------------------------------------------
// Checking a transition

export interface JourneyState {
  stage: Stage;
  pausedFromStage: Stage | null;
  mapping: MappingForCheck;
}

export type TransitionCheck = { ok: true; rule: TransitionRule; to: Stage } | { ok: false; reason: string };

/** The stage a person returns to after a pause taken in `stage` (a cancelled booking returns them to referred). */
export function pauseReturnStage(stage: Stage): Stage {
  return stage === 'meeting_booked' ? 'referred' : stage;
}

const label = (s: Stage) => `”${STAGE_LABELS[s]}”`;

function targetOf(rule: TransitionRule, state: JourneyState): Stage | null {
  return rule.to === 'previous' ? state.pausedFromStage : rule.to;
}

/** Why there is no transition from the current stage to `to` (Swedish, with what to do instead). */
function noRuleReason(state: JourneyState, to: Stage): string {
  const { stage } = state;
  if (stage === 'exited' || stage === 'closed') {
    return `Deltagaren är ${STAGE_LABELS[stage].toLocaleLowerCase('sv-SE')}. Registrera en ny remiss (återaktivera) först.`;
  }
  if (stage === 'paused' && to !== 'closed') {
    return state.pausedFromStage
      ? `Deltagaren är pausad. Återuppta först; deltagaren återgår då till ${label(state.pausedFromStage)}.`
      : 'Deltagaren är pausad. Återuppta först.';
  }
  const proposalPending = stage === 'proposed' || stage === 'approved';
  switch (to) {
    case 'paused':
      if (proposalPending)
        return 'Deltagaren har ett förslag som prövas eller är godkänt. Dra tillbaka förslaget innan deltagaren pausas.';
      if (stage === 'placed')
        return 'Deltagaren är placerad. Frånvaro under placeringen registreras på placeringen; avsluta placeringen först om deltagaren ska pausas.';
      break;
    case 'closed':
      if (proposalPending)
        return 'Deltagaren har ett förslag som prövas eller är godkänt. Dra tillbaka förslaget innan deltagaren avslutas.';
      if (stage === 'placed')
        return 'En placerad deltagare avslutas med ett utfall (Avsluta med utfall), inte utan placering.';
      break;
    case 'exited':
      return 'Bara en placerad deltagare kan avslutas med utfall. Den som lämnar före placering avslutas utan placering.';
    case 'meeting_booked':
      return stage === 'meeting_booked'
        ? 'Deltagaren är redan bokad till ett informationsmöte.'
        : 'Bara en remitterad deltagare som inte redan är bokad kan bokas till informationsmöte.';
    case 'attended':
      return 'Närvaro kan bara registreras för den som är bokad till ett informationsmöte.';
    case 'mapped':
      if (stage === 'referred' || stage === 'meeting_booked') {
        return 'Deltagaren måste ha deltagit i ett informationsmöte innan kartläggningen markeras som klar.';
      }
      break;
    case 'matching':
      if (stage === 'referred' || stage === 'meeting_booked' || stage === 'attended') {
        return 'Deltagaren måste vara kartlagd innan matchningen börjar.';
      }
      break;
    case 'proposed':
      return 'Bara en deltagare i matchning kan föreslås för en placering.';
    case 'approved':
      return 'Bara en föreslagen deltagare kan godkännas, och bara vid facklig prövning.';
    case 'placed':
      return 'Ingen placering utan godkänd prövning: deltagaren måste först föreslås och godkännas.';
    case 'referred':
      return 'Deltagaren går tillbaka till remitterad bara när ett informationsmöte avbokas eller uteblir, eller med en ny remiss efter avslut.';
    default:
      break;
  }
  return `Stegbytet från ${label(stage)} till ${label(to)} är inte tillåtet.`;
}

/** Rule-specific conditions, once the transition itself exists. */
function ruleProblem(rule: TransitionRule, state: JourneyState): string | null {
  switch (rule.command) {
    case 'mark_mapped':
    case 'start_matching': {
      const missing = mappingMissing(state.mapping);
      return missing.length === 0 ? null : `Kartläggningen är inte klar. Fyll i: ${describeMissing(missing)}.`;
    }
    case 'resume':
      return state.pausedFromStage === null ? 'Det går inte att se vilket steg deltagaren pausades från.' : null;
    default:
      return null;
  }
}

export interface CheckOptions {
  /** Which command, when several lead to the same stage (e.g. a cancelled booking and a no-show). */
  command?: JourneyCommand;
  /** Where the caller stands; a transition carried out elsewhere is refused with a pointer to the right place. */
  via?: readonly JourneyVia[];
}

/** Checks a move to `to`; on success returns the rule (command) that allows it. */
export function checkTransition(state: JourneyState, to: Stage, opts: CheckOptions = {}): TransitionCheck {
  if (to === state.stage) {
    return {
      ok: false,
      reason:
        to === 'meeting_booked'
          ? 'Deltagaren är redan bokad till ett informationsmöte.'
          : `Deltagaren är redan i steget ${label(to)}.`,
    };
  }
  let rules = TRANSITIONS.filter((r) => r.from.includes(state.stage) && targetOf(r, state) === to);
  if (rules.length === 0) return { ok: false, reason: noRuleReason(state, to) };
  if (opts.command !== undefined) {
    rules = rules.filter((r) => r.command === opts.command);
    if (rules.length === 0)
      return { ok: false, reason: `Stegbytet från ${label(state.stage)} till ${label(to)} görs inte på det sättet.` };
  }
  if (opts.via !== undefined) {
    const allowed = rules.filter((r) => opts.via!.includes(r.via));
    if (allowed.length === 0) {
      const where = rules[0]!.via;
      return { ok: false, reason: `Stegbytet till ${label(to)} görs under ${VIA_LABELS[where]}.` };
    }
    rules = allowed;
  }
  const rule = rules[0]!;
  const problem = ruleProblem(rule, state);
  return problem === null ? { ok: true, rule, to } : { ok: false, reason: problem };
}

/** Checks a command in the current stage and resolves where it leads. */
export function checkCommand(state: JourneyState, command: JourneyCommand): TransitionCheck {
  const rule = TRANSITIONS.find((r) => r.command === command);
  if (!rule) return { ok: false, reason: 'Okänt kommando.' };
  if (!rule.from.includes(state.stage)) {
    if (rule.to === 'previous') return { ok: false, reason: 'Deltagaren är inte pausad.' };
    if (rule.to === state.stage) return { ok: false, reason: `Deltagaren är redan i steget ${label(rule.to)}.` };
    return { ok: false, reason: noRuleReason(state, rule.to) };
  }
  const to = targetOf(rule, state);
  if (to === null) return { ok: false, reason: 'Det går inte att se vilket steg deltagaren pausades från.' };
  const problem = ruleProblem(rule, state);
  return problem === null ? { ok: true, rule, to } : { ok: false, reason: problem };
}

export interface JourneyStep {
  command: JourneyCommand;
  to: Stage;
  label: string;
  via: JourneyVia;
  manual: boolean;
  enabled: boolean;
  reason: string | null;
}

/** Every step out of the current stage, with whether it can be taken now and, if not, why. */
export function nextSteps(state: JourneyState): JourneyStep[] {
  const steps: JourneyStep[] = [];
  for (const rule of TRANSITIONS) {
    if (!rule.from.includes(state.stage)) continue;
    const to = targetOf(rule, state);
    if (to === null) continue;
    const check = checkCommand(state, rule.command);
    steps.push({
      command: rule.command,
      to,
      label: rule.command === 'resume' ? `Återuppta (till ${STAGE_LABELS[to].toLocaleLowerCase('sv-SE')})` : rule.label,
      via: rule.via,
      manual: rule.manual,
      enabled: check.ok,
      reason: check.ok ? null : check.reason,
    });
  }
  return steps;
}

/** Commands a user may run through the generic participants.transition procedure. */
export const GENERIC_TRANSITION_VIA: readonly JourneyVia[] = ['participants.transition'];

/** What other areas may do through transitionParticipant (data-carrying commands have their own functions). */
export const SERVICE_TRANSITION_VIA: readonly JourneyVia[] = [
  'participants.transition',
  'meetings.book',
  'meetings.unbook',
  'meetings.recordAttendance',
  'matching',
  'review',
  'placements',
];
