import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import EditNoteOutlined from '@mui/icons-material/EditNoteOutlined';
import type { GridColDef } from '@mui/x-data-grid';
import type { AgendaItem, CorrectionOut, ProtocolSnapshot } from '../../../shared/contract/review';
import { paths } from '../../app/paths';
import { formatDate, formatDateTime, formatLongDate } from '../../util/format';
import { DataTable, DecisionChip, useParticipantRef, useRelabel } from '../../components';
import { CorrectionDialog, type DecisionInForce } from './CorrectionDialog';
import { CorrectionsAddendum, DecisionDetail, inForce, ProtocolDownloadButton } from './protocolParts';
import './i18n';

type ProtocolItem = ProtocolSnapshot['items'][number];

/** The frozen protocol of a closed meeting, with its addendum of corrections. */
export function ProtocolSection({
  protocol,
  corrections,
  items,
  canDecide,
  meetingId,
}: {
  protocol: ProtocolSnapshot;
  corrections: CorrectionOut[];
  items: AgendaItem[];
  canDecide: boolean;
  meetingId: number;
}) {
  const { t } = useTranslation();
  const relabel = useRelabel();
  const participantRef = useParticipantRef();
  const [correcting, setCorrecting] = useState<{ p: ProtocolItem; d: DecisionInForce } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const names = useMemo(() => new Map(items.map((i) => [i.proposalId, i.participant ?? null])), [items]);
  const columns = useMemo<GridColDef<ProtocolItem>[]>(
    () => [
      { field: 'number', headerName: t('review.meeting.col.number'), width: 56, sortable: false },
      {
        field: 'participantLabel',
        headerName: t('review.meeting.col.participant'),
        width: 210,
        sortable: false,
        renderCell: (p) => {
          const who = names.get(p.row.proposalId);
          return (
            <Box sx={{ py: 1 }}>
              <Typography variant="body2" sx={{ fontWeight: 600 }}>
                {participantRef(p.row.participantLabel)}
              </Typography>
              {who && (
                <Link component={RouterLink} to={paths.participant(who.id)} variant="body2">
                  {who.name}
                </Link>
              )}
            </Box>
          );
        },
      },
      {
        field: 'positionTitle',
        headerName: t('review.meeting.col.position'),
        flex: 1,
        minWidth: 220,
        sortable: false,
        renderCell: (p) => (
          <Box sx={{ py: 1 }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {p.row.positionTitle}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {[p.row.workplaceName, p.row.workplaceDistrict].filter(Boolean).join(', ')}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {relabel('agendaOrigin', p.row.originLabel)}
              {p.row.fromMeetingDate
                ? ` (${t('review.meeting.from', { date: formatDate(p.row.fromMeetingDate) })})`
                : ''}
            </Typography>
          </Box>
        ),
      },
      {
        field: 'decisionLabel',
        headerName: t('review.meeting.col.decision'),
        flex: 1.3,
        minWidth: 280,
        sortable: false,
        renderCell: (p) => {
          const correctedBy =
            p.row.decisionId !== null ? corrections.find((c) => c.correctsDecisionId === p.row.decisionId) : undefined;
          return (
            <Box sx={{ py: 1 }}>
              <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mb: 0.5 }}>
                <DecisionChip kind={p.row.decision} />
                {p.row.decisionId !== null && (
                  <Typography variant="body2" color="text.secondary">
                    {t('review.meeting.decisionNo', { id: p.row.decisionId })}
                  </Typography>
                )}
              </Box>
              <DecisionDetail reasonLabel={p.row.reasonLabel} text={p.row.text} question={p.row.question} />
              {p.row.nextMeetingDate && (
                <Typography variant="body2" color="text.secondary">
                  {t('review.meeting.returnsOn', { date: formatLongDate(p.row.nextMeetingDate) })}
                </Typography>
              )}
              {correctedBy?.id != null && (
                <Typography variant="body2" sx={{ color: 'warning.main', fontWeight: 600 }}>
                  {t('review.meeting.correctedBy', { id: correctedBy.id })}
                </Typography>
              )}
            </Box>
          );
        },
      },
      ...(canDecide
        ? [
            {
              field: 'actions',
              headerName: t('common.actions'),
              width: 160,
              sortable: false,
              renderCell: (p) => {
                const d = inForce(p.row, corrections);
                if (!d) return null;
                return (
                  <Button
                    size="small"
                    startIcon={<EditNoteOutlined />}
                    onClick={() => setCorrecting({ p: p.row, d })}
                    aria-label={t('review.meeting.correctItem', { number: p.row.number })}
                  >
                    {t('review.meeting.correct')}
                  </Button>
                );
              },
            } as GridColDef<ProtocolItem>,
          ]
        : []),
    ],
    [t, names, corrections, canDecide, relabel, participantRef],
  );

  return (
    <Paper component="section" aria-labelledby="protocol-title" sx={{ mb: 2 }}>
      <Box
        sx={{
          display: 'flex',
          alignItems: 'flex-start',
          justifyContent: 'space-between',
          gap: 2,
          flexWrap: 'wrap',
          p: 2,
          pb: 1,
        }}
      >
        <Box>
          <Typography id="protocol-title" variant="h2" sx={{ mb: 0.5 }}>
            {t('review.meeting.protocol')}
          </Typography>
          <Typography color="text.secondary">
            {t('review.meeting.protocolLead', {
              closedAt: formatDateTime(protocol.closedAt),
              closedBy: protocol.closedByName,
            })}
          </Typography>
        </Box>
        <ProtocolDownloadButton meetingId={meetingId} />
      </Box>
      {notice && (
        <Alert severity="success" role="status" sx={{ mx: 2, mb: 1 }} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      <DataTable
        label={t('review.meeting.protocolLabel')}
        rows={protocol.items}
        getRowId={(r) => r.number}
        columns={columns}
        disableColumnMenu
        surface={false}
        empty={t('review.meeting.agendaEmptyClosed')}
      />
      <CorrectionsAddendum corrections={corrections} />
      {correcting && (
        <CorrectionDialog
          decision={correcting.d}
          itemNumber={correcting.p.number}
          participantLabel={participantRef(correcting.p.participantLabel)}
          onClose={(done) => {
            setCorrecting(null);
            if (done?.id != null) setNotice(t('review.correct.done', { id: done.id }));
          }}
        />
      )}
    </Paper>
  );
}
