import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import PictureAsPdfOutlined from '@mui/icons-material/PictureAsPdfOutlined';
import type { CorrectionOut, ProtocolSnapshot } from '../../../shared/contract/review';
import type { VetoReasonCategory } from '../../../shared/domain/review';
import { rpc } from '../../api/client';
import { formatDateTime } from '../../util/format';
import { DecisionChip, DownloadButton, useParticipantRef, useRelabel } from '../../components';
import type { DecisionInForce } from './CorrectionDialog';
import './i18n';

type ProtocolItem = ProtocolSnapshot['items'][number];

/** Downloads a closed meeting's protocol as PDF; shows progress while the file is made. */
export function ProtocolDownloadButton({
  meetingId,
  variant = 'contained',
  label,
}: {
  meetingId: number;
  variant?: 'contained' | 'outlined' | 'text';
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <DownloadButton
      variant={variant}
      icon={<PictureAsPdfOutlined />}
      busyLabel={t('review.meeting.downloading')}
      ariaLabel={label}
      fetchFile={() => rpc('review.protocolPdf', { id: meetingId })}
    >
      {variant === 'text' ? t('review.protocols.download') : t('review.meeting.downloadProtocol')}
    </DownloadButton>
  );
}

/** The decision text of a protocol item or a correction: reason, motivation or question. */
export function DecisionDetail({
  reasonLabel,
  text,
  question,
}: {
  reasonLabel: string | null;
  text: string | null;
  question: string | null;
}) {
  const relabel = useRelabel();
  return (
    <>
      {reasonLabel && (
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {relabel('vetoReason', reasonLabel)}
        </Typography>
      )}
      {text && (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
          {text}
        </Typography>
      )}
      {question && (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
          {question}
        </Typography>
      )}
    </>
  );
}

/** Follows the correction chain from the protocol's decision to the one in force now. */
export function inForce(p: ProtocolItem, corrections: CorrectionOut[]): DecisionInForce | null {
  if (p.decisionId === null || p.decision === null) return null;
  let cur: DecisionInForce = {
    id: p.decisionId,
    kind: p.decision,
    reasonCategory: p.reasonCategory,
    reasonLabel: p.reasonLabel,
    text: p.text,
    question: p.question,
  };
  for (;;) {
    const next = corrections.find((c) => c.correctsDecisionId === cur.id);
    if (!next || next.id === null) return cur;
    cur = {
      id: next.id,
      kind: next.kind,
      reasonCategory: next.reasonCategory as VetoReasonCategory | null,
      reasonLabel: next.reasonLabel,
      text: next.text,
      question: next.question,
    };
  }
}

/** The addendum of a closed protocol: every correction, newest last, each naming the decision it corrects. */
export function CorrectionsAddendum({ corrections }: { corrections: CorrectionOut[] }) {
  const { t } = useTranslation();
  const participantRef = useParticipantRef();
  return (
    <Box
      component="section"
      aria-labelledby="corrections-title"
      sx={{ p: 2, borderTop: '1px solid', borderColor: 'divider' }}
    >
      <Typography id="corrections-title" variant="h3" sx={{ mb: 1 }}>
        {t('review.meeting.corrections')}
      </Typography>
      {corrections.length === 0 ? (
        <Typography color="text.secondary">{t('review.meeting.correctionsNone')}</Typography>
      ) : (
        <Stack spacing={1.5} component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {corrections.map((c) => (
            <Box
              component="li"
              key={c.id ?? c.decidedAt}
              sx={{ borderLeft: '3px solid', borderColor: 'warning.main', pl: 1.5 }}
            >
              <Typography variant="body2" color="text.secondary">
                {t('review.meeting.decisionNo', { id: c.id })} · § {c.itemNumber ?? '–'} ·{' '}
                {participantRef(c.participantLabel)} ·{' '}
                {c.correctsDecisionId !== null ? t('review.meeting.correctionOf', { id: c.correctsDecisionId }) : ''}
              </Typography>
              <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', my: 0.5 }}>
                <DecisionChip kind={c.kind} />
                <Typography variant="body2" color="text.secondary">
                  {[c.decidedByName, formatDateTime(c.decidedAt)].filter(Boolean).join(', ')}
                </Typography>
              </Box>
              <DecisionDetail reasonLabel={c.reasonLabel} text={c.text} question={c.question} />
              {c.correctionReason && (
                <Typography variant="body2">
                  <Box component="span" sx={{ fontWeight: 600 }}>
                    {t('review.meeting.correctionReason')}:
                  </Box>{' '}
                  {c.correctionReason}
                </Typography>
              )}
            </Box>
          ))}
        </Stack>
      )}
    </Box>
  );
}
