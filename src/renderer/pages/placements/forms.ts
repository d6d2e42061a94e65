import {
  followUpInput,
  placementCreateInput,
  placementEndInput,
  placementExtendInput,
  placementUpdateInput,
} from '../../../shared/domain/placement';
import { defineForm, type FieldLayout } from '../../components';

/** Arbetsförmedlingen's decision: the same four fields on a new placement, its correction and its extension. */
const decisionRows: ReadonlyArray<ReadonlyArray<string | FieldLayout>> = [
  ['afDecisionNumber', 'afDecisionDate'],
  [
    { name: 'subsidyPercent', widget: 'percent' },
    { name: 'subsidyCeilingOre', widget: 'money' },
  ],
];

/** A new placement from an approved proposal (`placementCreateInput`). Labels: `fields.placement.<field>`. */
export const createPlacementForm = defineForm('placement', placementCreateInput, [
  {
    key: 'time',
    rows: [
      [{ name: 'positionPeriodId', widget: 'select' }, 'startDate', { name: 'months', widget: 'custom' }],
      [{ name: 'firstFollowUpDate', width: 4 }],
    ],
  },
  {
    key: 'employment',
    rows: [
      [
        { name: 'hoursPercent', widget: 'percent' },
        { name: 'monthlySalaryOre', widget: 'money' },
        'collectiveAgreement',
      ],
    ],
  },
  { key: 'decision', rows: [[{ name: 'subsidyTypeId', widget: 'select' }], ...decisionRows] },
]);

/** Corrections of an active placement (`placementUpdateInput`). */
export const editPlacementForm = defineForm('placement', placementUpdateInput, [
  { key: 'time', rows: [['startDate', 'months']] },
  {
    key: 'employment',
    rows: [
      [
        { name: 'hoursPercent', widget: 'percent' },
        { name: 'monthlySalaryOre', widget: 'money' },
      ],
      ['collectiveAgreement'],
    ],
  },
  { key: 'decision', rows: [[{ name: 'subsidyTypeId', widget: 'select' }], ...decisionRows] },
  { key: 'followUp', rows: [[{ name: 'nextFollowUpDate', width: 6 }]] },
]);

/** An extension with a new decision (`placementExtendInput`). */
export const extendPlacementForm = defineForm('placementExtend', placementExtendInput, [
  { key: 'extension', rows: [['months'], ...decisionRows, [{ name: 'note', widget: 'multiline', minRows: 2 }]] },
]);

/** A follow-up visit (`followUpInput`). */
export const placementFollowUpForm = defineForm('placementFollowUp', followUpInput, [
  {
    key: 'followUp',
    rows: [
      [{ name: 'date', width: 6 }],
      [{ name: 'note', widget: 'multiline', minRows: 3, autoFocus: true }],
      [{ name: 'nextStep', widget: 'multiline', minRows: 2 }],
      [{ name: 'nextDate', width: 6 }],
    ],
  },
]);

/** The end of a placement with its outcome (`placementEndInput`). */
export const endPlacementForm = defineForm('placementEnd', placementEndInput, [
  {
    key: 'end',
    rows: [
      [{ name: 'date', width: 6 }],
      [{ name: 'outcome', labels: 'exitOutcome' }],
      [{ name: 'next', widget: 'radio', labels: 'placementEndNext' }],
      [{ name: 'note', widget: 'multiline', minRows: 2 }],
    ],
  },
]);
