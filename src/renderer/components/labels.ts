import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnumName, EnumValue } from '../app/locales/enums';
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

/**
 * Text of a message from the main process: in Swedish its own message (the source, naming the field); in another
 * language the translation of its key when the key is known, else the Swedish message.
 */
export function useMessage() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (m: Translatable | string | null | undefined): string => {
      if (m === null || m === undefined) return '';
      if (typeof m === 'string') return m;
      if (i18n.language === 'sv' || !m.key) return m.message;
      const key = `msg.${m.key}`;
      return i18n.exists(key) ? t(key, m.params ?? {}) : m.message;
    },
    [t, i18n],
  );
}

/** The text of any error: a keyed RPC error translated, an Error's message, or the value as text. */
export function useErrorText() {
  const message = useMessage();
  return useCallback(
    (error: unknown): string => {
      if (!error) return '';
      if (error instanceof Error) return message(error as Translatable);
      if (typeof error === 'object' && 'message' in error) return message(error as Translatable);
      return String(error);
    },
    [message],
  );
}
