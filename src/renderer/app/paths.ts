/**
 * Every address of the app, once. The section table (sections.tsx) mounts each section at its base; pages link to
 * another area's record through these builders instead of writing the path out (so a renamed path is one line).
 * Paths are Swedish: they show in the address bar and in saved links.
 */
export const BASE = {
  start: '/',
  changePassword: '/byt-losenord',
  participants: '/deltagare',
  meetings: '/informationsmoten',
  positions: '/platser',
  matching: '/matchning',
  review: '/provning',
  placements: '/placeringar',
  contracts: '/avtal',
  summerJobs: '/feriearbete',
  reports: '/rapporter',
  users: '/admin/anvandare',
  subsidyTypes: '/admin/subventionstyper',
  backups: '/admin/sakerhetskopior',
  audit: '/admin/logg',
} as const;

export type SectionKey = keyof typeof BASE;

export const paths = {
  ...BASE,
  participant: (id: number) => `${BASE.participants}/${id}`,
  participantEdit: (id: number) => `${BASE.participants}/${id}/andra`,
  participantMapping: (id: number) => `${BASE.participants}/${id}/kartlaggning`,
  newParticipant: `${BASE.participants}/ny`,
  referralImport: `${BASE.participants}/import`,
  followUps: `${BASE.participants}/uppfoljningar`,
  meeting: (id: number) => `${BASE.meetings}/${id}`,
  deviations: `${BASE.meetings}/avvikelser`,
  position: (id: number) => `${BASE.positions}/${id}`,
  workplaces: `${BASE.positions}/arbetsplatser`,
  /** A participant's ranked positions (Föreslå placering). */
  matchParticipant: (id: number) => `${BASE.matching}/deltagare/${id}`,
  matchPickParticipant: `${BASE.matching}/deltagare`,
  proposals: `${BASE.matching}/forslag`,
  weights: `${BASE.matching}/vikter`,
  reviewMeeting: (id: number) => `${BASE.review}/moten/${id}`,
  meetingMode: (id: number) => `${BASE.review}/moten/${id}/moteslage`,
  protocols: `${BASE.review}/protokoll`,
  reviewProposals: `${BASE.review}/forslag`,
  reviewSchedule: `${BASE.review}/schema`,
  placement: (id: number) => `${BASE.placements}/${id}`,
  toPlace: `${BASE.placements}/att-placera`,
  newPlacement: (proposalId: number) => `${BASE.placements}/ny/${proposalId}`,
  contract: (id: number) => `${BASE.contracts}/${id}`,
  allContracts: `${BASE.contracts}/alla`,
} as const;
