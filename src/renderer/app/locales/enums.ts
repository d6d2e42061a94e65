/**
 * Labels of the enums defined in src/shared, as i18n keys `enum.<name>.<value>`. The Swedish texts are the shared
 * `*_LABELS` themselves (one source: the main process writes the same words in PDFs and messages); the English ones
 * are written here, typed against the same keys so a new value without an English label does not compile.
 * Screens show them through `useLabel()` (components/labels.ts) or `t('enum.stage.referred')`.
 */
import {
  CLOSE_REASON_LABELS,
  DEVIATION_STATUS_LABELS,
  EDUCATION_LEVEL_LABELS,
  EXIT_OUTCOME_LABELS,
  LICENCE_CLASS_LABELS,
  PAUSE_REASON_LABELS,
  PLACEMENT_KIND_LABELS,
  SELF_SUPPORTING_LABELS,
  STAGE_LABELS,
  SWEDISH_LEVEL_LABELS,
  TIMELINE_KIND_LABELS,
} from '../../../shared/domain/participant';
import { EMPLOYMENT_FORM_LABELS, PHYSICAL_DEMANDS_LABELS, POSITION_KIND_LABELS } from '../../../shared/domain/position';
import {
  AGENDA_ORIGIN_LABELS,
  ATTENDEE_PARTY_LABELS,
  DECISION_ACTION_LABELS,
  DECISION_LABELS,
  MEETING_STATUS_LABELS as REVIEW_MEETING_STATUS_LABELS,
  PARITY_LABELS,
  VETO_REASON_LABELS,
  WEEKDAY_LABELS,
} from '../../../shared/domain/review';
import {
  PLACEMENT_END_NEXT_LABELS,
  PLACEMENT_PHASE_LABELS,
  PLACEMENT_STATUS_LABELS,
} from '../../../shared/domain/placement';
import { CONTRACT_STATUS_LABELS } from '../../../shared/domain/contract-doc';
import {
  HARD_CONSTRAINT_LABELS,
  MATCH_CRITERION_HELP,
  MATCH_CRITERION_LABELS,
  PROPOSAL_STATUS_LABELS,
} from '../../../shared/domain/proposal';
import { BOOKING_STATUS_LABELS, MEETING_STATUS_LABELS } from '../../../shared/contract/meetings';
import {
  MAPPING_REQUIREMENT_LABELS,
  TRANSITIONS,
  VIA_LABELS,
  type JourneyCommand,
} from '../../../shared/rules/journey';
import { ROLE_LABELS } from '../../../shared/domain/roles';

const JOURNEY_COMMAND_LABELS = Object.fromEntries(TRANSITIONS.map((r) => [r.command, r.label])) as Record<
  JourneyCommand,
  string
>;

/** Swedish: straight from src/shared. */
export const svEnums = {
  role: ROLE_LABELS,
  stage: STAGE_LABELS,
  swedishLevel: SWEDISH_LEVEL_LABELS,
  educationLevel: EDUCATION_LEVEL_LABELS,
  licenceClass: LICENCE_CLASS_LABELS,
  placementKind: PLACEMENT_KIND_LABELS,
  exitOutcome: EXIT_OUTCOME_LABELS,
  closeReason: CLOSE_REASON_LABELS,
  pauseReason: PAUSE_REASON_LABELS,
  selfSupporting: SELF_SUPPORTING_LABELS,
  timelineKind: TIMELINE_KIND_LABELS as Record<
    | 'created'
    | 'transition'
    | 'meeting'
    | 'mapping'
    | 'note'
    | 'deviation'
    | 'follow_up'
    | 'proposal'
    | 'decision'
    | 'placement',
    string
  >,
  deviationStatus: DEVIATION_STATUS_LABELS,
  positionKind: POSITION_KIND_LABELS,
  employmentForm: EMPLOYMENT_FORM_LABELS,
  physicalDemands: PHYSICAL_DEMANDS_LABELS,
  decision: DECISION_LABELS,
  decisionAction: DECISION_ACTION_LABELS,
  vetoReason: VETO_REASON_LABELS,
  reviewMeetingStatus: REVIEW_MEETING_STATUS_LABELS,
  agendaOrigin: AGENDA_ORIGIN_LABELS,
  attendeeParty: ATTENDEE_PARTY_LABELS,
  weekday: WEEKDAY_LABELS,
  parity: PARITY_LABELS,
  placementStatus: PLACEMENT_STATUS_LABELS,
  placementPhase: PLACEMENT_PHASE_LABELS,
  placementEndNext: PLACEMENT_END_NEXT_LABELS,
  contractStatus: CONTRACT_STATUS_LABELS,
  proposalStatus: PROPOSAL_STATUS_LABELS,
  matchCriterion: MATCH_CRITERION_LABELS,
  matchCriterionHelp: MATCH_CRITERION_HELP,
  hardConstraint: HARD_CONSTRAINT_LABELS,
  infoMeetingStatus: MEETING_STATUS_LABELS,
  bookingStatus: BOOKING_STATUS_LABELS,
  journeyCommand: JOURNEY_COMMAND_LABELS,
  journeyVia: VIA_LABELS,
  mappingRequirement: MAPPING_REQUIREMENT_LABELS,
};

export type Enums = typeof svEnums;
export type EnumName = keyof Enums;
export type EnumValue<N extends EnumName> = keyof Enums[N] & (string | number);

/** English: every value of every enum (the type makes a missing one a compile error). */
export const enEnums: { [N in EnumName]: Record<keyof Enums[N], string> } = {
  role: { coordinator: 'Coordinator', union: 'Union representative', hr: 'HR', admin: 'Unit manager (admin)' },
  stage: {
    referred: 'Referred',
    meeting_booked: 'Booked to an information meeting',
    attended: 'Attended an information meeting',
    mapped: 'Mapped',
    matching: 'Matching',
    proposed: 'Proposed',
    approved: 'Approved',
    placed: 'Placed',
    exited: 'Exited with an outcome',
    paused: 'Paused',
    closed: 'Closed without placement',
  },
  swedishLevel: {
    sfi_a: 'SFI course A',
    sfi_b: 'SFI course B',
    sfi_c: 'SFI course C',
    sfi_d: 'SFI course D',
    sas: 'Swedish as a second language',
    native: 'Swedish as mother tongue',
  },
  educationLevel: {
    none: 'No formal schooling',
    primary_short: 'Compulsory school, less than 9 years',
    primary: 'Compulsory school, 9 years',
    upper_secondary: 'Upper secondary school',
    post_secondary_short: 'Post-secondary education, less than 3 years',
    university: 'Post-secondary education, 3 years or more',
  },
  licenceClass: {
    AM: 'AM (moped class I)',
    A1: 'A1 (light motorcycle)',
    A2: 'A2 (medium motorcycle)',
    A: 'A (motorcycle)',
    B: 'B (car)',
    BE: 'BE (car with heavy trailer)',
    C1: 'C1 (medium lorry)',
    C1E: 'C1E (medium lorry with trailer)',
    C: 'C (heavy lorry)',
    CE: 'CE (heavy lorry with trailer)',
    D1: 'D1 (minibus)',
    D1E: 'D1E (minibus with trailer)',
    D: 'D (bus)',
    DE: 'DE (bus with trailer)',
  },
  placementKind: {
    bicycle_workshop: 'Workshop: bicycle repair',
    carpentry: 'Workshop: carpentry',
    second_hand: 'Workshop: second hand',
    handyman: 'Workshop: handyman service',
    cleaning: 'Cleaning organisation',
    municipal_department: 'Work in a municipal department',
    summer_job: 'Summer job',
  },
  exitOutcome: {
    ordinary_job: 'Unsubsidised job',
    studies: 'Studies',
    other_subsidised_job: 'Another subsidised job',
    back_to_assistance: 'Back to social assistance',
    moved: 'Moved',
    other: 'Other',
  },
  closeReason: { moved: 'Moved', declined: 'Declined', no_work_capacity: 'No work capacity', other: 'Other reason' },
  pauseReason: { sick_leave: 'Sick leave', parental_leave: 'Parental leave', other: 'Other reason' },
  selfSupporting: { yes: 'Yes, self-supporting', no: 'No, not self-supporting', unknown: 'Unknown' },
  timelineKind: {
    created: 'Registered',
    transition: 'Change of stage',
    meeting: 'Information meeting',
    mapping: 'Mapping',
    note: 'Note',
    deviation: 'Deviation',
    follow_up: 'Follow-up',
    proposal: 'Proposal',
    decision: 'Decision',
    placement: 'Placement',
  },
  deviationStatus: { open: 'Not sent', sent: 'Sent to the caseworker', done: 'Done' },
  positionKind: {
    bicycle_workshop: 'Bicycle workshop',
    carpentry: 'Carpentry',
    second_hand: 'Second hand',
    handyman: 'Handyman service',
    cleaning: 'Cleaning organisation',
    municipal_department: 'Municipal department',
    summer_job: 'Summer job',
  },
  employmentForm: {
    work_training: 'Work training without employment',
    subsidised_employment: 'Employment with wage subsidy',
    summer_job: 'Summer job',
  },
  physicalDemands: {
    low: 'Low (mostly seated or light work)',
    medium: 'Medium (walking and standing, lifting up to 10 kg)',
    high: 'High (heavy lifting, much movement)',
  },
  decision: { approve: 'Approved', veto: 'Veto', defer: 'Deferred' },
  decisionAction: { approve: 'Approve', veto: 'Veto', defer: 'Defer' },
  vetoReason: {
    replaces_ordinary_work: 'Replaces ordinary work',
    recent_redundancies: 'Recent notices of redundancy at the workplace',
    poor_supervision: 'Insufficient supervision',
    unsuitable_tasks: 'The tasks are not suitable',
    other: 'Other',
  },
  reviewMeetingStatus: {
    planned: 'Planned',
    open: 'In progress',
    closed: 'Closed – protocol locked',
    cancelled: 'Cancelled',
  },
  agendaOrigin: {
    submitted: 'New item',
    deferred: 'Returns after deferral',
    carried_over: 'Not handled at the previous meeting',
    moved: 'Moved from a cancelled meeting',
  },
  attendeeParty: { employer: 'The employer (Jobb Borås)', union: 'Kommunal' },
  weekday: { 1: 'Monday', 2: 'Tuesday', 3: 'Wednesday', 4: 'Thursday', 5: 'Friday' },
  parity: { even: 'even weeks', odd: 'odd weeks' },
  placementStatus: { active: 'Active', ended: 'Ended' },
  placementPhase: {
    upcoming: 'Not started',
    running: 'Running',
    overdue: 'End date passed – end the placement',
    ended: 'Ended',
  },
  placementEndNext: {
    exit: 'End the participant’s journey with the outcome',
    matching: 'Back to matching (the placement was cut short)',
  },
  contractStatus: {
    generated: 'Generated',
    sent: 'Sent for signature',
    signed: 'Signed',
    registered: 'Registered in payroll',
    superseded: 'Replaced by a new version',
  },
  proposalStatus: {
    draft: 'Draft',
    submitted: 'Submitted for union review',
    approved: 'Approved',
    vetoed: 'Vetoed',
    deferred: 'Deferred',
    withdrawn: 'Withdrawn',
  },
  matchCriterion: {
    skills: 'Skills',
    experience: 'Work experience',
    wishes: 'Wishes',
    district: 'Close to the workplace',
    languages: 'Languages',
    waiting: 'Waiting time',
    longTerm: 'Long-term social assistance',
    children: 'Children in the household',
  },
  matchCriterionHelp: {
    skills: 'The participant’s skills compared with the skills the position asks for.',
    experience: 'Whether the participant’s work experience resembles the position’s tasks.',
    wishes: 'Whether the position’s kind is one of the participant’s wished placements.',
    district: 'The distance between the participant’s district and the workplace’s.',
    languages: 'Languages the position benefits from and the participant speaks.',
    waiting: 'How long the participant has waited since the referral (full points at 180 days).',
    longTerm: 'Priority for those who have had social assistance 10 of the last 12 months.',
    children: 'Priority for households with children.',
  },
  hardConstraint: {
    stage: 'Not waiting for matching',
    inactive: 'The position is not active',
    placed: 'Already placed',
    vetoed: 'Earlier veto',
    licence: 'Driving licence',
    swedish: 'Swedish level',
    hours: 'Working hours',
    start: 'Start date',
    noSlot: 'No free slot',
  },
  infoMeetingStatus: { upcoming: 'Upcoming', ongoing: 'In progress', held: 'Held', cancelled: 'Cancelled' },
  bookingStatus: { booked: 'Booked', attended: 'Attended', no_show: 'No-show', cancelled: 'Cancelled' },
  journeyCommand: {
    book_meeting: 'Book an information meeting',
    cancel_booking: 'Cancel the information meeting booking',
    record_attended: 'Record attendance',
    record_no_show: 'Record a no-show',
    mark_mapped: 'Mark as mapped',
    start_matching: 'Ready for matching',
    back_to_mapping: 'Back to mapping',
    propose: 'Propose a placement',
    proposal_returned: 'Back to matching (the proposal was vetoed or withdrawn)',
    approve: 'Approve at union review',
    approval_withdrawn: 'Back to matching (the placement did not happen)',
    place: 'Start a placement',
    placement_ended: 'Back to matching (the placement was cut short)',
    exit: 'Exit with an outcome',
    pause: 'Pause',
    resume: 'Resume',
    close: 'Close without placement',
    reopen: 'New referral (reactivate)',
  },
  journeyVia: {
    'participants.transition': 'the participant page',
    'participants.pause': 'Pause',
    'participants.resume': 'Resume',
    'participants.close': 'Close without placement',
    'participants.exit': 'Exit with an outcome',
    'participants.reopen': 'New referral',
    'meetings.book': 'Information meetings',
    'meetings.unbook': 'Information meetings',
    'meetings.recordAttendance': 'Information meetings',
    matching: 'Matching',
    review: 'Union review',
    placements: 'Placements',
  },
  mappingRequirement: {
    languages: 'Languages',
    swedishLevel: 'Swedish level',
    educationLevel: 'Education level',
    experienceText: 'Work experience',
    skillsOrInterests: 'Skills or interests',
    wishedKinds: 'Wished placements',
    availablePercent: 'Available time',
    earliestStart: 'Earliest start',
  },
};
