import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormHelperText from '@mui/material/FormHelperText';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import { nextPeriod } from '../../../shared/rules/position-form';
import { DateField, type FieldRenderProps } from '../../components';
import type { PeriodValue } from './forms';
import './i18n';

/** Most periods a summer job can have (positionInput says the same). */
const MAX_PERIODS = 12;

/** The periods of a summer job, each with its own dates and slots; a new one follows the last (shared rule). */
export function PeriodsField({ props }: { props: FieldRenderProps }) {
  const { t } = useTranslation();
  const periods = (props.value as PeriodValue[] | undefined) ?? [];
  const errors = (props.form.formState.errors as Record<string, unknown>)['periods'] as
    (Record<number, Record<string, { message?: string } | undefined> | undefined> & { message?: string }) | undefined;
  const set = (i: number, patch: Partial<PeriodValue>) =>
    props.onChange(periods.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const add = () => props.onChange([...periods, { ...nextPeriod(periods), periodId: null }]);
  return (
    <Box component="fieldset" sx={{ border: '1px solid', borderColor: 'divider', borderRadius: 1, p: 2, m: 0 }}>
      <Typography component="legend" variant="body2" sx={{ px: 0.5, fontWeight: 600 }}>
        {t('positions.editor.periods')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        {t('positions.editor.periodsHelp')}
      </Typography>
      {(props.error || errors?.message) && (
        <FormHelperText error sx={{ mb: 1 }}>
          {props.error ?? errors?.message}
        </FormHelperText>
      )}
      <Stack spacing={1.5}>
        {periods.length === 0 && <Typography variant="body2">{t('positions.editor.noPeriods')}</Typography>}
        {periods.map((p, i) => {
          const pe = errors?.[i];
          const err = (f: string) => pe?.[f]?.message;
          return (
            <Stack key={i} direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ alignItems: 'flex-start' }}>
              <TextField
                label={t('positions.editor.periodName')}
                required
                value={p.name}
                onChange={(e) => set(i, { name: e.target.value })}
                error={Boolean(err('name') ?? err('id'))}
                helperText={err('name') ?? err('id')}
              />
              <DateField
                label={t('positions.editor.periodStartDate')}
                required
                value={p.startDate}
                onChange={(v) => set(i, { startDate: v })}
                error={Boolean(err('startDate'))}
                helperText={err('startDate')}
              />
              <DateField
                label={t('positions.editor.periodEndDate')}
                required
                value={p.endDate}
                onChange={(v) => set(i, { endDate: v })}
                error={Boolean(err('endDate'))}
                helperText={err('endDate')}
              />
              <TextField
                label={t('positions.editor.periodSlots')}
                type="number"
                required
                sx={{ maxWidth: { sm: 120 } }}
                slotProps={{ htmlInput: { min: 1, max: 500 } }}
                value={p.slots}
                onChange={(e) => set(i, { slots: e.target.value })}
                error={Boolean(err('slots'))}
                helperText={err('slots')}
              />
              <IconButton
                aria-label={t('positions.editor.removePeriod', { name: p.name || i + 1 })}
                onClick={() => props.onChange(periods.filter((_x, j) => j !== i))}
                sx={{ mt: 0.5 }}
              >
                <DeleteOutlined />
              </IconButton>
            </Stack>
          );
        })}
      </Stack>
      <Button startIcon={<AddOutlined />} onClick={add} sx={{ mt: 1.5 }} disabled={periods.length >= MAX_PERIODS}>
        {t('positions.editor.addPeriod')}
      </Button>
    </Box>
  );
}
