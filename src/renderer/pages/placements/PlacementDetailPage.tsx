import { useState } from 'react';
import { Link as RouterLink, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import ArrowBack from '@mui/icons-material/ArrowBack';
import EditOutlined from '@mui/icons-material/EditOutlined';
import EventRepeatOutlined from '@mui/icons-material/EventRepeatOutlined';
import NoteAddOutlined from '@mui/icons-material/NoteAddOutlined';
import StopCircleOutlined from '@mui/icons-material/StopCircleOutlined';
import { CONTRACT_STATUS_LABELS, type ContractStatus } from '../../../shared/domain/contract-doc';
import { EXIT_OUTCOME_LABELS, type ExitOutcome } from '../../../shared/domain/participant';
import type { Placement } from '../../../shared/domain/placement';
import { useRpcQuery } from '../../api/hooks';
import { useAuth } from '../../app/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatDateTime } from '../../util/format';
import { Facts } from '../positions/parts';
import { EditPlacementDialog, EndPlacementDialog, ExtendDialog, PlacementFollowUpDialog } from './PlacementDialogs';
import { DaysLeftChip, kronor, PhaseChip, PLACEMENTS_BASE, Section, useMonthsText } from './parts';
import './i18n';

type DialogKind = 'edit' | 'extend' | 'followUp' | 'end' | null;

function Extensions({ p }: { p: Placement }) {
  const { t } = useTranslation();
  const monthsText = useMonthsText();
  if (p.extensions.length === 0)
    return <Typography color="text.secondary">{t('placements.detail.noExtensions')}</Typography>;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={t('placements.detail.extensions')}>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              {t('placements.detail.extPeriod')}
            </TableCell>
            <TableCell component="th" scope="col">
              {t('placements.detail.extMonths')}
            </TableCell>
            <TableCell component="th" scope="col">
              {t('placements.field.decisionNumber')}
            </TableCell>
            <TableCell component="th" scope="col">
              {t('placements.field.decisionDate')}
            </TableCell>
            <TableCell component="th" scope="col">
              {t('placements.detail.extSubsidy')}
            </TableCell>
            <TableCell component="th" scope="col">
              {t('placements.field.note')}
            </TableCell>
            <TableCell component="th" scope="col">
              {t('placements.detail.registeredBy')}
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {p.extensions.map((e) => (
            <TableRow key={e.id}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {e.startDate} – {e.newEndDate}
              </TableCell>
              <TableCell>{monthsText(e.months)}</TableCell>
              <TableCell>{e.afDecisionNumber}</TableCell>
              <TableCell>{e.afDecisionDate}</TableCell>
              <TableCell>
                {[
                  e.subsidyPercent === null ? null : `${e.subsidyPercent} %`,
                  e.subsidyCeilingOre === null
                    ? null
                    : t('placements.detail.ceilingShort', { amount: kronor(e.subsidyCeilingOre) }),
                ]
                  .filter(Boolean)
                  .join(', ') || '–'}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'pre-wrap' }}>{e.note ?? '–'}</TableCell>
              <TableCell>
                {e.createdByName ?? '–'}
                <Typography variant="body2" color="text.secondary">
                  {formatDateTime(e.createdAt)}
                </Typography>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

function FollowUps({ p }: { p: Placement }) {
  const { t } = useTranslation();
  if (p.followUps.length === 0)
    return <Typography color="text.secondary">{t('placements.detail.noFollowUps')}</Typography>;
  return (
    <Box component="ol" aria-label={t('placements.detail.followUps')} sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {p.followUps.map((f) => (
        <Box
          component="li"
          key={f.id}
          sx={{ py: 1.25, borderBottom: '1px solid', borderColor: 'divider', '&:last-of-type': { borderBottom: 0 } }}
        >
          <Typography sx={{ fontWeight: 600 }}>
            {f.date}
            <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
              {f.createdByName ?? ''}
            </Typography>
          </Typography>
          <Typography sx={{ whiteSpace: 'pre-wrap' }}>{f.note}</Typography>
          {(f.nextStep || f.nextDate) && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              {t('placements.detail.nextStepLine', {
                step: f.nextStep ?? '–',
                date: f.nextDate ?? '–',
              })}
            </Typography>
          )}
        </Box>
      ))}
    </Box>
  );
}

function Contracts({ p, canOpen }: { p: Placement; canOpen: boolean }) {
  const { t } = useTranslation();
  if (p.employmentForm === 'work_training')
    return <Typography color="text.secondary">{t('placements.contract.notNeededLong')}</Typography>;
  return (
    <>
      {p.contractNeedsNewVersion && p.status === 'active' && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('placements.detail.contractOutdated')}
        </Alert>
      )}
      {p.contracts.length === 0 ? (
        <Typography color="text.secondary">{t('placements.detail.noContracts')}</Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={t('placements.detail.contracts')}>
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col">
                  {t('placements.detail.version')}
                </TableCell>
                <TableCell component="th" scope="col">
                  {t('placements.col.status')}
                </TableCell>
                <TableCell component="th" scope="col">
                  {t('placements.detail.generated')}
                </TableCell>
                <TableCell component="th" scope="col">
                  {t('placements.detail.sent')}
                </TableCell>
                <TableCell component="th" scope="col">
                  {t('placements.detail.signed')}
                </TableCell>
                <TableCell component="th" scope="col">
                  {t('placements.detail.registered')}
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {p.contracts.map((c) => {
                const label =
                  c.version === 1
                    ? t('placements.detail.v1')
                    : t('placements.detail.vN', { version: c.version, n: c.version - 1 });
                return (
                  <TableRow key={c.id}>
                    <TableCell component="th" scope="row">
                      {canOpen ? (
                        <Link component={RouterLink} to={`/avtal/${c.id}`}>
                          {label}
                        </Link>
                      ) : (
                        label
                      )}
                    </TableCell>
                    <TableCell>{CONTRACT_STATUS_LABELS[c.status as ContractStatus] ?? c.status}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(c.generatedAt)}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(c.sentAt)}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(c.signedAt)}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(c.registeredAt)}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Box>
      )}
    </>
  );
}

/** '/placeringar/:id': every field of one placement, its extensions, follow-ups, contract versions and the actions. */
export function PlacementDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const location = useLocation();
  const { hasRole } = useAuth();
  const monthsText = useMonthsText();
  const placementId = Number(id);
  const valid = Number.isInteger(placementId) && placementId > 0;
  const query = useRpcQuery(
    'placements.get',
    { id: valid ? placementId : 1 },
    { enabled: valid, retry: false, refetchOnMount: 'always' },
  );
  const [dialog, setDialog] = useState<DialogKind>(null);
  const [created, setCreated] = useState(Boolean((location.state as { created?: boolean } | null)?.created));

  const back = (
    <Button component={RouterLink} to={PLACEMENTS_BASE} startIcon={<ArrowBack />} sx={{ mb: 1 }}>
      {t('placements.detail.back')}
    </Button>
  );
  if (!valid) {
    return (
      <>
        {back}
        <Alert severity="warning">{t('placements.detail.notFound')}</Alert>
      </>
    );
  }
  if (query.isLoading) return <Loading />;
  if (query.error || !query.data) {
    return (
      <>
        {back}
        <ErrorAlert error={query.error ?? t('placements.detail.notFound')} />
      </>
    );
  }
  const p = query.data;
  const active = p.status === 'active';
  const subsidised = p.employmentForm === 'subsidised_employment';
  const summer = p.employmentForm === 'summer_job';

  const about = (
    <Section id="placement-heading" title={t('placements.detail.about')}>
      <Facts
        columns={subsidised ? 1 : 2}
        items={[
          {
            label: t('placements.field.participant'),
            value: (
              <>
                <Link component={RouterLink} to={`/deltagare/${p.participantId}`}>
                  {p.participantName}
                </Link>{' '}
                ({p.participantRef})
              </>
            ),
          },
          {
            label: t('placements.field.position'),
            value: (
              <Link component={RouterLink} to={`/platser/${p.positionId}`}>
                {p.positionTitle}
                {p.periodName ? ` (${p.periodName})` : ''}
              </Link>
            ),
          },
          { label: t('placements.field.workplace'), value: `${p.workplaceName}${p.district ? `, ${p.district}` : ''}` },
          { label: t('placements.field.form'), value: t(`placements.form.employment.${p.employmentForm}`) },
          { label: t('placements.field.startDate'), value: p.startDate },
          { label: t('placements.field.endDate'), value: p.endDate },
          ...(summer
            ? []
            : [
                {
                  label: t('placements.field.length'),
                  value:
                    p.extensions.length > 0
                      ? t('placements.detail.lengthExtended', {
                          first: monthsText(p.months),
                          total: monthsText(p.totalMonths),
                        })
                      : monthsText(p.months),
                },
              ]),
          { label: t('placements.field.hours'), value: `${p.hoursPercent} %` },
          { label: t('placements.field.salary'), value: kronor(p.monthlySalaryOre) },
          { label: t('placements.field.agreement'), value: p.collectiveAgreement ?? '–' },
          {
            label: t('placements.field.nextFollowUp'),
            value: p.nextFollowUpDate
              ? `${p.nextFollowUpDate}${p.followUpOverdue ? ` – ${t('placements.list.followUpLate')}` : ''}`
              : '–',
          },
          {
            label: t('placements.detail.createdBy'),
            value: `${p.createdByName ?? '–'}, ${formatDateTime(p.createdAt)}`,
          },
          ...(p.status === 'ended'
            ? [
                { label: t('placements.field.lastDay'), value: p.endedAt ?? '–' },
                {
                  label: t('placements.field.outcome'),
                  value: p.endOutcome ? (EXIT_OUTCOME_LABELS[p.endOutcome as ExitOutcome] ?? p.endOutcome) : '–',
                },
                ...(p.endNote ? [{ label: t('placements.detail.endNote'), value: p.endNote }] : []),
              ]
            : []),
        ]}
      />
    </Section>
  );

  return (
    <>
      {back}
      <PageHeader
        title={p.participantName}
        lead={`${p.positionTitle}${p.periodName ? ` (${p.periodName})` : ''} · ${p.workplaceName} · ${p.startDate} – ${p.endDate}`}
        actions={
          <>
            <PhaseChip phase={p.phase} size="medium" />
            <DaysLeftChip p={p} size="medium" />
          </>
        }
      />
      {created && (
        <Alert severity="success" sx={{ mb: 2 }} onClose={() => setCreated(false)} role="status">
          {t('placements.detail.created', { end: p.endDate })}
        </Alert>
      )}
      {p.phase === 'overdue' && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {t('placements.detail.overdue', { end: p.endDate })}
        </Alert>
      )}
      {active && (
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
          <Button variant="outlined" startIcon={<EditOutlined />} onClick={() => setDialog('edit')}>
            {t('placements.detail.edit')}
          </Button>
          {!summer && (
            <Button variant="outlined" startIcon={<EventRepeatOutlined />} onClick={() => setDialog('extend')}>
              {t('placements.detail.extend')}
            </Button>
          )}
          <Button variant="outlined" startIcon={<NoteAddOutlined />} onClick={() => setDialog('followUp')}>
            {t('placements.detail.addFollowUp')}
          </Button>
          <Button variant="outlined" color="error" startIcon={<StopCircleOutlined />} onClick={() => setDialog('end')}>
            {t('placements.detail.end')}
          </Button>
        </Stack>
      )}

      {subsidised ? (
        <Stack direction={{ xs: 'column', lg: 'row' }} spacing={3} sx={{ alignItems: 'stretch' }}>
          <Box sx={{ flex: 1, minWidth: 0 }}>{about}</Box>
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <Section id="decision-heading" title={t('placements.create.decision')}>
              <Facts
                columns={1}
                items={[
                  { label: t('placements.field.subsidyType'), value: p.subsidyTypeName ?? '–' },
                  { label: t('placements.field.decisionNumber'), value: p.afDecisionNumber ?? '–' },
                  { label: t('placements.field.decisionDate'), value: p.afDecisionDate ?? '–' },
                  {
                    label: t('placements.field.percent'),
                    value: p.subsidyPercent === null ? '–' : `${p.subsidyPercent} %`,
                  },
                  { label: t('placements.field.ceiling'), value: kronor(p.subsidyCeilingOre) },
                  {
                    label: t('placements.detail.decisionPeriod'),
                    value: `${p.startDate} – ${p.decisionPeriodEnd} (${monthsText(p.months)})`,
                  },
                  {
                    label: t('placements.detail.monthsUsed'),
                    value:
                      p.maxMonths === null
                        ? monthsText(p.totalMonths)
                        : t('placements.detail.monthsOfMax', {
                            total: monthsText(p.totalMonths),
                            max: monthsText(p.maxMonths),
                            remaining: monthsText(p.remainingMonths ?? 0),
                          }),
                  },
                ]}
              />
            </Section>
          </Box>
        </Stack>
      ) : (
        about
      )}
      <Section
        id="contracts-heading"
        title={t('placements.detail.contracts')}
        lead={hasRole('admin') ? undefined : t('placements.detail.contractsLead')}
      >
        <Contracts p={p} canOpen={hasRole('hr', 'admin')} />
      </Section>

      {!summer && (
        <Section id="extensions-heading" title={t('placements.detail.extensions')}>
          <Extensions p={p} />
        </Section>
      )}
      <Section id="followups-heading" title={t('placements.detail.followUps')}>
        <FollowUps p={p} />
      </Section>

      {dialog === 'edit' && <EditPlacementDialog placement={p} onClose={() => setDialog(null)} />}
      {dialog === 'extend' && <ExtendDialog placement={p} onClose={() => setDialog(null)} />}
      {dialog === 'followUp' && <PlacementFollowUpDialog placement={p} onClose={() => setDialog(null)} />}
      {dialog === 'end' && <EndPlacementDialog placement={p} onClose={() => setDialog(null)} />}
    </>
  );
}
