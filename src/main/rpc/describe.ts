import { z } from 'zod';
import { contract, type ProcedureDef } from '../../shared/contract';

/** The contract as data: every procedure with its roles and its input and output as JSON Schema (from zod). */
export function describeContract() {
  const procedures = Object.entries(contract as Record<string, ProcedureDef>).map(([name, p]) => ({
    name,
    summary: p.summary,
    roles: p.roles,
    audit: p.audit,
    input: z.toJSONSchema(p.input, { io: 'input', unrepresentable: 'any' }),
    output: z.toJSONSchema(p.output, { io: 'output', unrepresentable: 'any' }),
    ...(p.outputFor
      ? {
          outputFor: Object.fromEntries(
            Object.entries(p.outputFor).map(([role, s]) => [role, z.toJSONSchema(s, { io: 'output', unrepresentable: 'any' })]),
          ),
        }
      : {}),
  }));
  return { name: 'Växla', procedures };
}
