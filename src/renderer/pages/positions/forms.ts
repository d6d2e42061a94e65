import { BORAS_DISTRICTS } from '../../../shared/domain/participant';
import { LANGUAGE_SUGGESTIONS } from '../../../shared/domain/languages';
import { SKILL_SUGGESTIONS, positionInput, workplaceInput, type Position } from '../../../shared/domain/position';
import type { PeriodDraft } from '../../../shared/rules/position-form';
import { defineForm } from '../../components';

/** A workplace: the fields of `workplaceInput` (src/shared/domain/position.ts). */
export const workplaceForm = defineForm('workplace', workplaceInput, [
  {
    key: 'main',
    rows: [
      [{ name: 'name', autoFocus: true }],
      ['organisation'],
      ['address'],
      [{ name: 'district', widget: 'suggest', suggestions: BORAS_DISTRICTS }],
      [{ name: 'notes', widget: 'multiline', minRows: 2 }],
    ],
  },
]);

/** A period as the form edits it (slots as typed), with its id when it exists. */
export type PeriodValue = PeriodDraft & { periodId: number | null };

/** A position: the fields of `positionInput`, in the sections the union and HR read them in. */
export const positionForm = defineForm('position', positionInput, [
  {
    key: 'basics',
    rows: [
      [{ name: 'workplaceId', widget: 'select' }],
      [{ name: 'kind', labels: 'positionKind' }, 'title'],
      [{ name: 'tasks', widget: 'multiline' }],
    ],
  },
  {
    key: 'employment',
    rows: [
      [
        { name: 'employmentForm', labels: 'employmentForm' },
        { name: 'subsidyTypeId', widget: 'select', emptyChoice: 'fields.position.subsidyNone' },
      ],
      [{ name: 'unionReviewRequired', initial: true }],
    ],
  },
  {
    key: 'capacity',
    rows: [
      [
        { name: 'hoursPercent', widget: 'number', initial: 100 },
        { name: 'slots', initial: 1 },
      ],
      ['periodStart', 'periodEnd'],
      [
        {
          name: 'periods',
          widget: 'custom',
          from: (p) =>
            ((p as Position).periods ?? []).map((x): PeriodValue => ({
              periodId: x.id,
              name: x.name,
              startDate: x.startDate,
              endDate: x.endDate,
              slots: String(x.slots),
            })),
          initial: [],
        },
      ],
    ],
  },
  {
    key: 'requirements',
    rows: [
      [
        { name: 'minSwedishLevel', labels: 'swedishLevel', emptyChoice: 'fields.position.noRequirement' },
        { name: 'requiredLicence', labels: 'licenceClass', emptyChoice: 'fields.position.noRequirement' },
      ],
      [{ name: 'physicalDemands', labels: 'physicalDemands', emptyChoice: 'fields.position.notStated' }],
      [{ name: 'skills', suggestions: SKILL_SUGGESTIONS }],
      [{ name: 'languages', suggestions: LANGUAGE_SUGGESTIONS }],
    ],
  },
  {
    key: 'supervisor',
    rows: [['supervisorName', { name: 'supervisorPhone', type: 'tel' }, { name: 'supervisorEmail', type: 'email' }]],
  },
]);
