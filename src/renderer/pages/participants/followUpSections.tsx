import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import PictureAsPdfOutlined from '@mui/icons-material/PictureAsPdfOutlined';
import { FOLLOW_UP_EARLY_DAYS, type ParticipantDetail } from '../../../shared/domain/participant';
import { addDays, compare } from '../../../shared/rules/dates';
import { downloadFile, rpc } from '../../api/client';
import { formatDate } from '../../util/format';
import { ErrorAlert, Section, SwedishText, useLabel } from '../../components';
import type { FollowUpTarget } from './FollowUpDialog';
import './i18n';

/** Deviations reported to the caseworker (a no-show), each with its letter as PDF. */
export function DeviationsSection({ p }: { p: ParticipantDetail }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [letterError, setLetterError] = useState<unknown>(null);
  if (p.deviations.length === 0) return null;
  const letter = async (deviationId: number) => {
    setLetterError(null);
    try {
      downloadFile(await rpc('deviations.letter', { id: deviationId }));
    } catch (e) {
      setLetterError(e);
    }
  };
  return (
    <Section title={t('participants.detail.deviations')} id="sec-deviations">
      <ErrorAlert error={letterError} />
      <Stack spacing={1}>
        {p.deviations.map((d) => (
          <Box key={d.id} sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
            <Typography sx={{ flexGrow: 1 }}>
              {formatDate(d.createdAt)}: <SwedishText>{d.reason}</SwedishText>
            </Typography>
            <Chip size="small" variant="outlined" label={label('deviationStatus', d.status)} />
            <Button size="small" startIcon={<PictureAsPdfOutlined />} onClick={() => void letter(d.id)}>
              {t('participants.detail.letter')}
            </Button>
          </Box>
        ))}
      </Stack>
    </Section>
  );
}

/** The follow-ups after exit; one opens for recording FOLLOW_UP_EARLY_DAYS before it is due. */
export function FollowUpsSection({
  p,
  today,
  onRecord,
}: {
  p: ParticipantDetail;
  today: string | null;
  onRecord: (target: FollowUpTarget) => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  if (p.followUps.length === 0) return null;
  return (
    <Section title={t('participants.detail.followUps')} id="sec-followups">
      <Stack spacing={1}>
        {p.followUps.map((f) => {
          const open = today !== null && compare(addDays(f.dueDate, -FOLLOW_UP_EARLY_DAYS), today) <= 0;
          return (
            <Box key={f.id} sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
              <Typography sx={{ flexGrow: 1 }}>
                <strong>{t('participants.detail.followUpMonths', { months: f.months })}</strong> (
                {t('participants.detail.due', { date: formatDate(f.dueDate) })}):{' '}
                {f.selfSupporting ? label('selfSupporting', f.selfSupporting) : t('participants.detail.notRecorded')}
              </Typography>
              {open && (
                <Button
                  size="small"
                  variant={f.selfSupporting ? 'text' : 'outlined'}
                  onClick={() =>
                    onRecord({
                      id: f.id,
                      name: p.name,
                      months: f.months,
                      exitDate: f.exitDate,
                      exitOutcome: p.exit?.outcome ?? null,
                      selfSupporting: f.selfSupporting,
                      note: f.note,
                    })
                  }
                >
                  {f.selfSupporting ? t('common.edit') : t('participants.detail.record')}
                </Button>
              )}
            </Box>
          );
        })}
      </Stack>
    </Section>
  );
}
