import { describe, expect, it } from 'vitest';
import { fieldInfos } from '../../../src/shared/form-fields';
import { participantCreateInput } from '../../../src/shared/domain/participant';
import { positionInput } from '../../../src/shared/domain/position';

describe('a form reads its fields from the procedure’s schema', () => {
  const p = fieldInfos(participantCreateInput);

  it('labels, required and clearable fields come from the participant schema', () => {
    expect(p.firstName).toMatchObject({
      kind: 'text',
      required: true,
      nullable: false,
      label: 'Förnamn',
      maxLength: 100,
    });
    expect(p.phone).toMatchObject({ kind: 'text', required: false, nullable: true, label: 'Telefon' });
    expect(p.referralDate).toMatchObject({ kind: 'date', required: true, label: 'Remissdatum' });
    expect(p.earliestStart).toMatchObject({ kind: 'date', required: false, nullable: true });
    expect(p.longTermRecipient).toMatchObject({ kind: 'boolean', required: false });
    expect(p.monthlyAssistance).toMatchObject({ kind: 'number', integer: true, nullable: true });
    expect(p.coordinatorId).toMatchObject({ kind: 'number', nullable: true });
  });

  it('choices of an enum and of a list of enum values, and free tags', () => {
    expect(p.swedishLevel).toMatchObject({ kind: 'enum', nullable: true });
    expect(p.swedishLevel!.options).toEqual(['sfi_a', 'sfi_b', 'sfi_c', 'sfi_d', 'sas', 'native']);
    expect(p.wishedKinds).toMatchObject({ kind: 'enumList' });
    expect(p.wishedKinds!.options).toContain('cleaning');
    expect(p.languages).toMatchObject({ kind: 'tags', label: 'Språk' });
  });

  it('a default makes a field optional and is known to the form', () => {
    const pos = fieldInfos(positionInput);
    expect(pos.minSwedishLevel).toMatchObject({ kind: 'enum', required: false, defaultValue: null });
    expect(pos.periods).toMatchObject({ required: false, defaultValue: [] });
    expect(pos.kind).toMatchObject({ kind: 'enum', required: true });
  });
});
