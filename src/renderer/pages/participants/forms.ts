import { BORAS_DISTRICTS, mappingUpdateInput, participantCreateInput } from '../../../shared/domain/participant';
import { LANGUAGE_SUGGESTIONS } from '../../../shared/domain/languages';
import { SKILL_SUGGESTIONS } from '../../../shared/domain/position';
import { defineForm } from '../../components';

/**
 * The participant's record on screen: the fields of `participantCreateInput` (src/shared/domain/participant.ts) in
 * sections. Labels are `fields.participant.<field>` (this area's i18n), falling back to the schema's Swedish label.
 * A new optional field in the schema and the store needs one line here.
 */
export const participantForm = defineForm('participant', participantCreateInput, [
  { key: 'person', rows: [[{ name: 'personnummer', width: 6, widget: 'custom' }], ['firstName', 'lastName']] },
  {
    key: 'contact',
    rows: [
      [
        { name: 'phone', type: 'tel' },
        { name: 'email', type: 'email' },
      ],
      [
        { name: 'address', width: 6 },
        { name: 'postalCode', width: 2 },
        { name: 'city', width: 4 },
      ],
      [{ name: 'district', widget: 'suggest', width: 6, suggestions: BORAS_DISTRICTS }],
    ],
  },
  {
    key: 'referral',
    rows: [
      [
        { name: 'referralDate', width: 4 },
        { name: 'coordinatorId', widget: 'select', width: 8, emptyChoice: 'fields.participant.noCoordinator' },
      ],
      ['caseworkerName', { name: 'caseworkerUnit', widget: 'suggest' }],
      [
        { name: 'caseworkerPhone', type: 'tel' },
        { name: 'caseworkerEmail', type: 'email' },
      ],
    ],
  },
  {
    key: 'social',
    sensitive: true,
    rows: [
      [
        { name: 'childrenInHousehold', width: 4, emptyValue: 0 },
        { name: 'monthlyAssistance', widget: 'money', width: 8 },
      ],
      ['longTermRecipient'],
      [{ name: 'caseNotes', widget: 'multiline' }],
    ],
  },
  { key: 'note', rows: [[{ name: 'note', widget: 'multiline', minRows: 2 }]] },
]);

/** The mapping (kartläggning): the fields of `mappingUpdateInput` that matching reads. */
export const mappingForm = defineForm('mapping', mappingUpdateInput, [
  {
    key: 'languages',
    rows: [
      [{ name: 'languages', suggestions: LANGUAGE_SUGGESTIONS }],
      [
        { name: 'swedishLevel', labels: 'swedishLevel', emptyChoice: 'fields.mapping.none' },
        { name: 'educationLevel', labels: 'educationLevel', emptyChoice: 'fields.mapping.none' },
      ],
      [{ name: 'licenceClasses', labels: 'licenceClass', compactChoices: true }],
    ],
  },
  {
    key: 'experience',
    rows: [
      [
        { name: 'experienceText', widget: 'multiline', width: 8 },
        { name: 'ssykCode', width: 4 },
      ],
      [
        { name: 'skills', suggestions: SKILL_SUGGESTIONS },
        { name: 'interests', suggestions: [] },
      ],
      [{ name: 'restrictions', widget: 'multiline', minRows: 2, sensitive: true }],
    ],
  },
  {
    key: 'wishes',
    rows: [
      [{ name: 'wishedKinds', labels: 'placementKind' }],
      [{ name: 'availablePercent', widget: 'percent' }, 'earliestStart'],
      [{ name: 'note', widget: 'multiline', minRows: 2 }],
    ],
  },
]);
