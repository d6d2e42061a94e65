import { AppError } from '../../shared/errors';

/**
 * Largest accepted score. Scores and the solver's bounds (score − column dual) then fit in
 * int32 storage, and all arithmetic stays exact.
 */
export const MAX_SCORE = 1_000_000_000;
/** Largest accepted number of rows or columns (the solver allocates typed arrays of this size). */
export const MAX_DIMENSION = 10_000_000;

const fmt = (n: number) => n.toLocaleString('sv-SE');

function show(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'en lista';
  return typeof value === 'object' ? 'ett objekt' : String(value);
}

/** Every validation message starts with this, so that it makes sense on its own. */
export const INVALID_INSTANCE_PREFIX = 'Ogiltig tilldelningsinstans: ';

function invalid(message: string, field: string): never {
  throw new AppError('VALIDATION', `${INVALID_INSTANCE_PREFIX}${message}`, field);
}

const isIntIn = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/**
 * Checks the shape and ranges of an assignment instance and throws an AppError (code
 * VALIDATION, Swedish message, `field` pointing at the offending value) on the first problem.
 * Accepts `unknown` so that it can guard data straight from a file or another process.
 */
export function validateAssignmentInstance(inst: unknown): void {
  if (typeof inst !== 'object' || inst === null || Array.isArray(inst)) {
    invalid('instansen måste vara ett objekt med rows, cols, capacity och edges.', '');
  }
  const { rows, cols, capacity, edges } = inst as Record<string, unknown>;
  if (!isIntIn(rows, 0, MAX_DIMENSION)) {
    invalid(`antal rader (rows) måste vara ett heltal mellan 0 och ${fmt(MAX_DIMENSION)}, fick ${show(rows)}.`, 'rows');
  }
  if (!isIntIn(cols, 0, MAX_DIMENSION)) {
    invalid(
      `antal kolumner (cols) måste vara ett heltal mellan 0 och ${fmt(MAX_DIMENSION)}, fick ${show(cols)}.`,
      'cols',
    );
  }
  if (!Array.isArray(capacity)) {
    invalid('capacity måste vara en lista med en kapacitet per kolumn.', 'capacity');
  }
  if (capacity.length !== cols) {
    invalid(
      `capacity har ${fmt(capacity.length)} värden men det finns ${fmt(cols)} kolumner; antalen måste stämma.`,
      'capacity',
    );
  }
  for (let j = 0; j < cols; j++) {
    const c: unknown = capacity[j];
    if (!isIntIn(c, 0, Number.MAX_SAFE_INTEGER)) {
      invalid(`kapaciteten för kolumn ${j} måste vara ett heltal ≥ 0, fick ${show(c)}.`, `capacity.${j}`);
    }
  }
  if (!Array.isArray(edges)) {
    invalid('edges måste vara en lista med tripplar [rad, kolumn, poäng].', 'edges');
  }
  const lastRow = rows - 1;
  const lastCol = cols - 1;
  for (let k = 0; k < edges.length; k++) {
    const e: unknown = edges[k];
    if (!Array.isArray(e) || e.length !== 3) {
      invalid(`kant nr ${k} måste vara en trippel [rad, kolumn, poäng], fick ${show(e)}.`, `edges.${k}`);
    }
    const r: unknown = e[0];
    const c: unknown = e[1];
    const s: unknown = e[2];
    if (!isIntIn(r, 0, lastRow)) {
      const range = rows === 0 ? 'det finns inga rader' : `tillåtet är 0–${lastRow}`;
      invalid(`kant nr ${k} har radindex ${show(r)}; ${range}.`, `edges.${k}.0`);
    }
    if (!isIntIn(c, 0, lastCol)) {
      const range = cols === 0 ? 'det finns inga kolumner' : `tillåtet är 0–${lastCol}`;
      invalid(`kant nr ${k} har kolumnindex ${show(c)}; ${range}.`, `edges.${k}.1`);
    }
    if (!isIntIn(s, 0, MAX_SCORE)) {
      invalid(
        `kant nr ${k} har poängen ${show(s)}; poängen måste vara ett heltal mellan 0 och ${fmt(MAX_SCORE)}.`,
        `edges.${k}.2`,
      );
    }
  }
}
