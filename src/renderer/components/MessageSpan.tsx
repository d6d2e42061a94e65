import type { MessageText } from './labels';

/** A message's text (useMessageText); the main process's Swedish on an English screen is marked lang="sv". */
export function MessageSpan({ text, swedish }: MessageText) {
  return swedish ? <span lang="sv">{text}</span> : <>{text}</>;
}
