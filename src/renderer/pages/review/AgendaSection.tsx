import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { GridColDef } from '@mui/x-data-grid';
import type { AgendaItem } from '../../../shared/contract/review';
import { paths } from '../../app/paths';
import { formatDate, formatLongDate } from '../../util/format';
import { DataTable, DecisionChip, useParticipantRef, useRelabel } from '../../components';
import { DecisionDetail } from './protocolParts';
import './i18n';

/** The agenda of a meeting that is not closed: each item with where it comes from and any draft decision. */
export function AgendaSection({
  items,
  cutoff,
  pseudonymous,
}: {
  items: AgendaItem[];
  cutoff: string;
  pseudonymous: boolean;
}) {
  const { t } = useTranslation();
  const relabel = useRelabel();
  const participantRef = useParticipantRef();
  const columns = useMemo<GridColDef<AgendaItem>[]>(
    () => [
      { field: 'number', headerName: t('review.meeting.col.number'), width: 56, sortable: false },
      {
        field: 'participantLabel',
        headerName: t('review.meeting.col.participant'),
        width: 210,
        sortable: false,
        renderCell: (p) => (
          <Box sx={{ py: 1 }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {participantRef(p.row.participantLabel)}
            </Typography>
            {!pseudonymous && p.row.participant && (
              <Link component={RouterLink} to={paths.participant(p.row.participant.id)} variant="body2">
                {p.row.participant.name}
              </Link>
            )}
          </Box>
        ),
      },
      {
        field: 'position',
        headerName: t('review.meeting.col.position'),
        flex: 1,
        minWidth: 240,
        sortable: false,
        renderCell: (p) => (
          <Box sx={{ py: 1 }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {p.row.position.title}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {[p.row.workplace.name, p.row.workplace.district].filter(Boolean).join(', ')} ·{' '}
              {p.row.position.hoursPercent} % · {relabel('employmentForm', p.row.position.employmentFormLabel)}
            </Typography>
          </Box>
        ),
      },
      {
        field: 'origin',
        headerName: t('review.meeting.col.origin'),
        flex: 1,
        minWidth: 220,
        sortable: false,
        renderCell: (p) => (
          <Box sx={{ py: 1 }}>
            <Typography variant="body2">{relabel('agendaOrigin', p.row.originLabel)}</Typography>
            {p.row.fromMeeting && (
              <Typography variant="body2" color="text.secondary">
                {t('review.meeting.from', { date: formatDate(p.row.fromMeeting.date) })}
              </Typography>
            )}
            {p.row.previousQuestion && (
              <Typography variant="body2" sx={{ fontStyle: 'italic', whiteSpace: 'pre-wrap' }}>
                ”{p.row.previousQuestion}”
              </Typography>
            )}
            {p.row.submittedAt && (
              <Typography variant="body2" color="text.secondary">
                {t('review.meeting.col.submitted')} {formatDate(p.row.submittedAt)}
                {p.row.submittedByName ? `, ${p.row.submittedByName}` : ''}
              </Typography>
            )}
          </Box>
        ),
      },
      {
        field: 'decision',
        headerName: t('review.meeting.col.decision'),
        width: 230,
        sortable: false,
        renderCell: (p) => (
          <Box sx={{ py: 1 }}>
            <DecisionChip
              kind={p.row.decision?.kind ?? null}
              draft={p.row.decision ? !p.row.decision.final : false}
              noneLabel={t('review.mode.noDecision')}
            />
            {p.row.decision && (
              <DecisionDetail
                reasonLabel={p.row.decision.reasonLabel}
                text={p.row.decision.text}
                question={p.row.decision.question}
              />
            )}
          </Box>
        ),
      },
    ],
    [t, pseudonymous, relabel, participantRef],
  );
  return (
    <Paper component="section" aria-labelledby="agenda-title" sx={{ mb: 2 }}>
      <Typography id="agenda-title" variant="h2" sx={{ p: 2, pb: 1 }}>
        {t('review.meeting.agenda')} ({t('review.items', { count: items.length })})
      </Typography>
      <DataTable
        label={t('review.meeting.itemsLabel')}
        rows={items}
        getRowId={(r) => r.itemId}
        columns={columns}
        disableColumnMenu
        surface={false}
        empty={t('review.meeting.agendaEmpty', { cutoff: formatLongDate(cutoff) })}
      />
    </Paper>
  );
}
