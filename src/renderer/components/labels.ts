import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { svEnums, type EnumName, type EnumValue } from '../app/locales/enums';
import type { MessageParams } from '../../shared/messages';

/**
 * The label of a shared enum value in the user's language: `label('stage', 'referred')` → "Remitterad" /
 * "Referred". Use it for every value that src/shared defines with a `*_LABELS` record; never show those records
 * directly (they are Swedish only).
 */
export function useLabel() {
  const { t } = useTranslation();
  return useCallback(
    <N extends EnumName>(name: N, value: EnumValue<N> | null | undefined): string =>
      value === null || value === undefined ? '–' : t(`enum.${name}.${String(value)}`),
    [t],
  );
}

/** Something that carries a Swedish message and maybe its key: an RPC error, a rule's reason, a zod issue. */
export interface Translatable {
  message: string;
  key?: string | undefined;
  params?: MessageParams | undefined;
}

/** A message's text and whether it is the main process's Swedish (no translation for the UI language). */
export interface MessageText {
  text: string;
  swedish: boolean;
}

/**
 * A message from the main process in the language of the UI: in Swedish its own message (the source, naming the
 * field); in another language the translation of its key when the key is known, else the Swedish message, and
 * `swedish` says so (the screen marks it lang="sv").
 */
export function useMessageText() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (m: Translatable | string | null | undefined): MessageText => {
      const sv = i18n.language === 'sv';
      if (m === null || m === undefined) return { text: '', swedish: false };
      if (typeof m === 'string') return { text: m, swedish: !sv };
      const key = `msg.${m.key ?? ''}`;
      if (sv || !m.key || !i18n.exists(key)) return { text: m.message, swedish: !sv };
      return { text: t(key, m.params ?? {}), swedish: false };
    },
    [t, i18n],
  );
}

/** Text of a message from the main process (see useMessageText). */
export function useMessage() {
  const text = useMessageText();
  return useCallback((m: Translatable | string | null | undefined): string => text(m).text, [text]);
}

/** Any error as a message (see useMessageText): a keyed RPC error translated, an Error's message, a value as text. */
export function useErrorMessage() {
  const message = useMessageText();
  return useCallback(
    (error: unknown): MessageText => {
      if (!error) return { text: '', swedish: false };
      if (typeof error === 'object' && 'message' in error) return message(error as Translatable);
      return message(String(error));
    },
    [message],
  );
}

/** The text of any error: a keyed RPC error translated, an Error's message, or the value as text. */
export function useErrorText() {
  const message = useErrorMessage();
  return useCallback((error: unknown): string => message(error).text, [message]);
}
/**
 * The label of a shared enum value that a record carries only as its Swedish text (a frozen protocol or contract
 * snapshot stores "Anställning med lönestöd", not the key): in another language the text is looked up among the
 * enum's Swedish labels and translated; text that is no label is shown as it is.
 */
export function useRelabel() {
  const { t, i18n } = useTranslation();
  return useCallback(
    <N extends EnumName>(name: N, swedish: string | null | undefined): string => {
      if (swedish === null || swedish === undefined) return '–';
      if (i18n.language === 'sv') return swedish;
      const entry = Object.entries(svEnums[name] as Record<string, string>).find(([, v]) => v === swedish);
      return entry ? t(`enum.${name}.${entry[0]}`) : swedish;
    },
    [t, i18n],
  );
}

/** "Deltagare 2026-0147" (the union's pseudonymous reference) in the user's language. */
export function useParticipantRef() {
  const { t } = useTranslation();
  return useCallback(
    (labelOrRef: string) => t('kit.participantRef', { ref: labelOrRef.replace(/^Deltagare\s+/, '') }),
    [t],
  );
}
