/**
 * Languages heard most often at Jobb Borås, offered as suggestions wherever a language is typed (a participant's
 * languages, a position's useful languages, a meeting's interpreters). Any language can be typed; matching compares
 * them ignoring case.
 */
export const LANGUAGE_SUGGESTIONS: readonly string[] = [
  'svenska',
  'arabiska',
  'somaliska',
  'tigrinja',
  'dari',
  'persiska',
  'pashto',
  'kurdiska (sorani)',
  'kurdiska (kurmanji)',
  'bosniska/kroatiska/serbiska',
  'polska',
  'turkiska',
  'engelska',
  'franska',
  'spanska',
  'ryska',
  'ukrainska',
  'thai',
  'amhariska',
  'finska',
];

/** The languages an information meeting most often needs an interpreter for (Swedish is the meeting's own). */
export const INTERPRETER_LANGUAGE_SUGGESTIONS: readonly string[] = LANGUAGE_SUGGESTIONS.filter((l) => l !== 'svenska');
