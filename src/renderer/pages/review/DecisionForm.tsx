import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { DecisionInput } from '../../../shared/contract/review';
import { VETO_REASON_CATEGORIES, type DecisionKind, type VetoReasonCategory } from '../../../shared/domain/review';
import { useLabel } from '../../components';
import './i18n';

export interface DecisionValues {
  comment: string;
  reasonCategory: VetoReasonCategory | '';
  text: string;
  question: string;
}

export const emptyDecisionValues: DecisionValues = { comment: '', reasonCategory: '', text: '', question: '' };

/** The values of an existing decision, to start a change or a correction from. */
export function valuesFrom(
  d: {
    kind: DecisionKind;
    reasonCategory: VetoReasonCategory | null;
    text: string | null;
    question: string | null;
  } | null,
): DecisionValues {
  if (!d) return emptyDecisionValues;
  return {
    comment: d.kind === 'approve' ? (d.text ?? '') : '',
    reasonCategory: d.reasonCategory ?? '',
    text: d.kind === 'veto' ? (d.text ?? '') : '',
    question: d.question ?? '',
  };
}

type Errors = Partial<Record<'reasonCategory' | 'text' | 'question', string>>;

/** Checks the form the way the contract does, so the user sees which field is missing before anything is sent. */
export function toDecisionInput(
  kind: DecisionKind,
  v: DecisionValues,
  t: (k: string) => string,
): { input: DecisionInput } | { errors: Errors } {
  if (kind === 'approve') return { input: { kind, comment: v.comment.trim() || null } as DecisionInput };
  if (kind === 'veto') {
    const errors: Errors = {};
    if (!v.reasonCategory) errors.reasonCategory = t('review.form.reasonRequired');
    if (!v.text.trim()) errors.text = t('review.form.textRequired');
    if (Object.keys(errors).length > 0 || !v.reasonCategory) return { errors };
    return { input: { kind, reasonCategory: v.reasonCategory, text: v.text.trim() } };
  }
  if (!v.question.trim()) return { errors: { question: t('review.form.questionRequired') } };
  return { input: { kind, question: v.question.trim() } };
}

/**
 * The fields of one decision kind: a comment for an approval, a reason category and a motivation for a veto, a
 * question for a deferral. `large` is the meeting-room size.
 */
export function DecisionFields({
  kind,
  values,
  onChange,
  errors,
  large = false,
  idPrefix,
  autoFocus = false,
}: {
  kind: DecisionKind;
  values: DecisionValues;
  onChange: (v: DecisionValues) => void;
  errors: Errors;
  large?: boolean;
  idPrefix: string;
  /** Focus the first field (meeting mode, after a shortcut key opened the form). */
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const inputSx = large
    ? {
        '& .MuiInputBase-input': { fontSize: '1.2rem', lineHeight: 1.5 },
        '& .MuiInputLabel-root': { fontSize: '1.1rem' },
      }
    : undefined;
  if (kind === 'approve') {
    return (
      <TextField
        id={`${idPrefix}-comment`}
        label={t('review.mode.comment')}
        multiline
        minRows={2}
        value={values.comment}
        onChange={(e) => onChange({ ...values, comment: e.target.value })}
        size={large ? 'medium' : 'small'}
        sx={inputSx}
      />
    );
  }
  if (kind === 'veto') {
    return (
      <Stack spacing={2}>
        <FormControl error={Boolean(errors.reasonCategory)} required>
          <FormLabel
            id={`${idPrefix}-reason-label`}
            sx={{ fontSize: large ? '1.15rem' : undefined, fontWeight: 600, mb: 0.5 }}
          >
            {t('review.mode.reason')}
          </FormLabel>
          <RadioGroup
            aria-labelledby={`${idPrefix}-reason-label`}
            name={`${idPrefix}-reason`}
            value={values.reasonCategory}
            onChange={(e) => onChange({ ...values, reasonCategory: e.target.value as VetoReasonCategory })}
          >
            {VETO_REASON_CATEGORIES.map((c, i) => (
              <FormControlLabel
                key={c}
                value={c}
                control={
                  <Radio autoFocus={autoFocus && (values.reasonCategory ? values.reasonCategory === c : i === 0)} />
                }
                label={label('vetoReason', c)}
                slotProps={{ typography: { sx: { fontSize: large ? '1.15rem' : undefined } } }}
              />
            ))}
          </RadioGroup>
          {errors.reasonCategory && <FormHelperText>{errors.reasonCategory}</FormHelperText>}
        </FormControl>
        <TextField
          id={`${idPrefix}-text`}
          label={t('review.mode.vetoText')}
          required
          multiline
          minRows={3}
          value={values.text}
          onChange={(e) => onChange({ ...values, text: e.target.value })}
          error={Boolean(errors.text)}
          helperText={errors.text}
          size={large ? 'medium' : 'small'}
          sx={inputSx}
        />
      </Stack>
    );
  }
  return (
    <TextField
      id={`${idPrefix}-question`}
      label={t('review.mode.question')}
      autoFocus={autoFocus}
      required
      multiline
      minRows={3}
      value={values.question}
      onChange={(e) => onChange({ ...values, question: e.target.value })}
      error={Boolean(errors.question)}
      helperText={errors.question ?? t('review.mode.questionHelp')}
      size={large ? 'medium' : 'small'}
      sx={inputSx}
    />
  );
}

/** A decision form for one kind, with its save button; Escape cancels. Used in meeting mode. */
export function DecisionForm({
  kind,
  initial,
  busy,
  onSave,
  onCancel,
  large = false,
  idPrefix,
}: {
  kind: DecisionKind;
  initial: DecisionValues;
  busy: boolean;
  onSave: (input: DecisionInput) => void;
  onCancel: () => void;
  large?: boolean;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<DecisionValues>(initial);
  const [errors, setErrors] = useState<Errors>({});
  const saveLabel =
    kind === 'approve'
      ? t('review.mode.saveApprove')
      : kind === 'veto'
        ? t('review.mode.saveVeto')
        : t('review.mode.saveDefer');
  return (
    <Box
      component="form"
      noValidate
      aria-label={saveLabel}
      onSubmit={(e) => {
        e.preventDefault();
        const r = toDecisionInput(kind, values, t);
        if ('errors' in r) {
          setErrors(r.errors);
          return;
        }
        setErrors({});
        onSave(r.input);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <Stack spacing={2}>
        <DecisionFields
          kind={kind}
          values={values}
          onChange={setValues}
          errors={errors}
          large={large}
          idPrefix={idPrefix}
          autoFocus
        />
        <Stack direction="row" spacing={1}>
          <Button
            type="submit"
            variant="contained"
            size={large ? 'large' : 'medium'}
            disabled={busy}
            autoFocus={kind === 'approve'}
            color={kind === 'approve' ? 'success' : kind === 'veto' ? 'error' : 'warning'}
          >
            {saveLabel}
          </Button>
          <Button onClick={onCancel} size={large ? 'large' : 'medium'}>
            {t('review.mode.cancelForm')}
          </Button>
        </Stack>
      </Stack>
    </Box>
  );
}
