import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { hhmm, id, isoDate, localDateTime, optionalText, requiredText } from '../../../src/shared/domain/common';
import { positionKindSchema } from '../../../src/shared/domain/position';
import { issueMessage } from '../../../src/shared/messages';
import { validationError } from '../../../src/main/rpc/dispatch';

/** The key the first issue of parsing `value` with `schema` gets. */
function keyOf(schema: z.ZodType, value: unknown) {
  const r = schema.safeParse(value);
  if (r.success) throw new Error('parsed');
  return issueMessage(r.error.issues[0]!);
}

describe('keys for the problems users meet on a form', () => {
  it.each([
    ['a missing required text', requiredText('Förnamn'), undefined, { key: 'validation.required' }],
    ['an empty required text', requiredText('Förnamn'), '   ', { key: 'validation.required' }],
    ['a too long text', requiredText('Förnamn', 5), 'Alexandra', { key: 'validation.tooLong', params: { max: 5 } }],
    ['a too long optional text', optionalText('Ort', 3), 'Borås', { key: 'validation.tooLong', params: { max: 3 } }],
    ['a date in another form', isoDate, '24/11/2026', { key: 'validation.date' }],
    ['a date that does not exist', isoDate, '2026-02-30', { key: 'validation.noSuchDate' }],
    ['a time of day', hhmm, '25:00', { key: 'validation.time' }],
    ['a date and time', localDateTime, '2026-11-24 09:00', { key: 'validation.dateTime' }],
    ['no choice made', positionKindSchema, 'ufo', { key: 'validation.choose' }],
    ['a fraction where a whole number is needed', id, 1.5, { key: 'validation.integer' }],
    ['a number below the minimum', z.number().int().min(10), 5, { key: 'validation.min', params: { min: 10 } }],
    ['a number above the maximum', z.number().max(100), 120, { key: 'validation.max', params: { max: 100 } }],
  ])('%s', (_what, schema, value, ref) => {
    expect(keyOf(schema, value)).toEqual(ref);
  });

  it('a check with its own wording has no key: the Swedish message is shown', () => {
    expect(
      keyOf(
        z.string().refine((s) => s === 'x', 'Måste vara x'),
        'y',
      ),
    ).toBeUndefined();
  });

  it('the dispatcher sends the key beside the Swedish message and the field', () => {
    const schema = z.object({ firstName: requiredText('Förnamn') });
    const r = schema.safeParse({ firstName: '' });
    if (r.success) throw new Error('parsed');
    expect(validationError(schema, r.error)).toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('Förnamn måste anges'),
      field: 'firstName',
      key: 'validation.required',
    });
  });
});
