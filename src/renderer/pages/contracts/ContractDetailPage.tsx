import { useState } from 'react';
import { Link as RouterLink, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ArrowBack from '@mui/icons-material/ArrowBack';
import NoteAddOutlined from '@mui/icons-material/NoteAddOutlined';
import {
  contractBlocks,
  stockholmDate,
  type ContractBlock,
  type ContractDetail,
  type ContractStep,
} from '../../../shared/domain/contract-doc';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatPersonnummer } from '../../util/format';
import {
  CONTRACT_INVALIDATES,
  CONTRACTS_BASE,
  contractPath,
  ContractStatusChip,
  PdfButton,
  useVersionLabel,
} from './parts';
import './i18n';
import { todayIso } from '../../api/server-time';

const STEPS = ['generated', 'sent', 'signed', 'registered'] as const;

/** The contract exactly as printed, from the frozen snapshot (the same blocks the PDF is made from). */
function ContractDocument({ contract }: { contract: ContractDetail }) {
  const { t } = useTranslation();
  const blocks = contractBlocks(contract.snapshot);
  const render = (b: ContractBlock, i: number) => {
    switch (b.kind) {
      case 'title':
        return (
          <Typography key={i} component="h2" variant="h2" sx={{ mb: 1 }}>
            {b.text}
          </Typography>
        );
      case 'heading':
        return (
          <Typography
            key={i}
            component="h3"
            variant="h4"
            sx={{ mt: 3, mb: 1, pb: 0.5, borderBottom: '1px solid', borderColor: 'divider' }}
          >
            {b.text}
          </Typography>
        );
      case 'paragraph':
        return (
          <Typography key={i} sx={{ mb: 1.5 }}>
            {b.text}
          </Typography>
        );
      case 'fields':
        return (
          <Box
            key={i}
            component="dl"
            sx={{
              m: 0,
              display: 'grid',
              gridTemplateColumns: { xs: '1fr', md: '220px 1fr' },
              columnGap: 3,
              rowGap: 0.75,
            }}
          >
            {b.rows.map(([label, value]) => (
              <Box key={label} sx={{ display: 'contents' }}>
                <Typography component="dt" variant="body2" color="text.secondary" sx={{ fontWeight: 600, pt: 0.25 }}>
                  {label}
                </Typography>
                <Typography component="dd" sx={{ m: 0, overflowWrap: 'anywhere' }}>
                  {value}
                </Typography>
              </Box>
            ))}
          </Box>
        );
      case 'table':
        return (
          <Box key={i} sx={{ overflowX: 'auto', mb: 1 }}>
            <Table size="small" aria-label={t('contracts.detail.changes')}>
              <TableHead>
                <TableRow>
                  {b.columns.map((c) => (
                    <TableCell key={c} component="th" scope="col">
                      {c}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {b.rows.map((r, j) => (
                  <TableRow key={j}>
                    {r.map((cell, k) =>
                      k === 0 ? (
                        <TableCell key={k} component="th" scope="row" sx={{ fontWeight: 600, minWidth: 160 }}>
                          {cell}
                        </TableCell>
                      ) : (
                        <TableCell key={k} sx={{ minWidth: 120 }}>
                          {cell}
                        </TableCell>
                      ),
                    )}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        );
      case 'signatures':
        return (
          <Stack key={i} direction={{ xs: 'column', md: 'row' }} spacing={4} sx={{ mt: 3 }}>
            {b.parties.map((party) => (
              <Box key={party.role} sx={{ flex: 1 }}>
                <Typography variant="body2" color="text.secondary">
                  {t('contracts.detail.placeAndDate')}
                </Typography>
                <Box sx={{ borderBottom: '1px solid', borderColor: 'text.secondary', height: 32, mb: 2 }} />
                <Box sx={{ borderBottom: '1px solid', borderColor: 'text.secondary', height: 40 }} />
                <Typography sx={{ mt: 0.5 }}>{party.role}</Typography>
                {party.name && <Typography color="text.secondary">{party.name}</Typography>}
              </Box>
            ))}
          </Stack>
        );
    }
  };
  return (
    <Paper
      component="article"
      aria-label={t('contracts.detail.document')}
      sx={{ p: { xs: 2, md: 4 }, mb: 3, maxWidth: 960 }}
    >
      {blocks.map(render)}
    </Paper>
  );
}

/** Records the next status step with the day it happened. */
function StepDialog({
  contract,
  step,
  onClose,
}: {
  contract: ContractDetail;
  step: ContractStep;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [date, setDate] = useState(todayIso());
  const set = useRpcMutation('contracts.setStatus', { invalidates: CONTRACT_INVALIDATES });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs" aria-labelledby="step-title" aria-describedby="step-text">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          set.mutate({ id: contract.id, status: step, date }, { onSuccess: onClose });
        }}
      >
        <DialogTitle id="step-title">{t(`contracts.step.confirm.${step}`)}</DialogTitle>
        <DialogContent>
          <ErrorAlert error={set.error} />
          <DialogContentText id="step-text" sx={{ mb: 2 }}>
            {t(`contracts.step.text.${step}`, { name: contract.employeeName, number: contract.contractNumber })}
          </DialogContentText>
          <TextField
            label={t('contracts.step.date')}
            type="date"
            required
            value={date}
            onChange={(e) => setDate(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
            autoFocus
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={set.isPending}>
            {t(`contracts.step.action.${step}`)}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

function StatusPanel({ contract: c }: { contract: ContractDetail }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<ContractStep | null>(null);
  const superseded = c.status === 'superseded';
  const reached = superseded
    ? c.registeredAt
      ? 3
      : c.signedAt
        ? 2
        : c.sentAt
          ? 1
          : 0
    : STEPS.indexOf(c.status as (typeof STEPS)[number]);
  const dates = [stockholmDate(c.generatedAt), c.sentAt, c.signedAt, c.registeredAt];
  const next = !superseded && reached < 3 ? (STEPS[reached + 1] as ContractStep) : null;
  return (
    <Paper component="section" aria-labelledby="status-heading" sx={{ p: 2, mb: 3 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 2 }}>
        <Typography id="status-heading" component="h2" variant="h3" sx={{ flexGrow: 1 }}>
          {t('contracts.detail.statusTitle')}
        </Typography>
        {next && (
          <Button variant="contained" onClick={() => setStep(next)}>
            {t(`contracts.step.action.${next}`)}
          </Button>
        )}
      </Box>
      <Stepper activeStep={superseded ? -1 : reached + 1} alternativeLabel>
        {STEPS.map((s, i) => (
          <Step key={s} completed={i <= reached}>
            <StepLabel
              optional={
                <Typography variant="body2" color="text.secondary">
                  {dates[i] ? formatDate(dates[i]) : '–'}
                </Typography>
              }
            >
              {t(`contracts.step.label.${s}`)}
            </StepLabel>
          </Step>
        ))}
      </Stepper>
      {step && <StepDialog contract={c} step={step} onClose={() => setStep(null)} />}
    </Paper>
  );
}

function Versions({ contract: c }: { contract: ContractDetail }) {
  const { t } = useTranslation();
  const versionLabel = useVersionLabel();
  return (
    <Paper component="section" aria-labelledby="versions-heading" sx={{ p: 2, mb: 3 }}>
      <Typography id="versions-heading" component="h2" variant="h3">
        {t('contracts.detail.versions')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('contracts.detail.frozen')}
      </Typography>
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-labelledby="versions-heading">
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                {t('contracts.detail.version')}
              </TableCell>
              <TableCell component="th" scope="col">
                {t('contracts.col.status')}
              </TableCell>
              <TableCell component="th" scope="col">
                {t('contracts.col.generated')}
              </TableCell>
              <TableCell component="th" scope="col">
                {t('contracts.detail.by')}
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {c.versions.map((v) => (
              <TableRow key={v.id} selected={v.id === c.id}>
                <TableCell component="th" scope="row">
                  {v.id === c.id ? (
                    <Typography component="span" sx={{ fontWeight: 600 }} aria-current="page">
                      {versionLabel(v.version)}
                    </Typography>
                  ) : (
                    <Link component={RouterLink} to={contractPath(v.id)}>
                      {versionLabel(v.version)}
                    </Link>
                  )}
                </TableCell>
                <TableCell>
                  <ContractStatusChip status={v.status} />
                </TableCell>
                <TableCell>{formatDate(v.generatedAt)}</TableCell>
                <TableCell>{v.generatedByName}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </Paper>
  );
}

/** '/avtal/:id': one contract version — its status steps, the frozen document, every version, the PDF. */
export function ContractDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const versionLabel = useVersionLabel();
  const contractId = Number(id);
  const valid = Number.isInteger(contractId) && contractId > 0;
  const query = useRpcQuery(
    'contracts.get',
    { id: valid ? contractId : 1 },
    { enabled: valid, retry: false, refetchOnMount: 'always' },
  );
  const generate = useRpcMutation('contracts.generate', { invalidates: CONTRACT_INVALIDATES });
  const [notice, setNotice] = useState(Boolean((location.state as { generated?: boolean } | null)?.generated));

  const back = (
    <Button component={RouterLink} to={`${CONTRACTS_BASE}/alla`} startIcon={<ArrowBack />} sx={{ mb: 1 }}>
      {t('contracts.detail.back')}
    </Button>
  );
  if (!valid) {
    return (
      <>
        {back}
        <Alert severity="warning">{t('contracts.detail.notFound')}</Alert>
      </>
    );
  }
  if (query.isLoading) return <Loading />;
  if (query.error || !query.data) {
    return (
      <>
        {back}
        <ErrorAlert error={query.error ?? t('contracts.detail.notFound')} />
      </>
    );
  }
  const c = query.data;
  const newest = c.versions[0];

  return (
    <>
      {back}
      <PageHeader
        title={`${t('contracts.detail.title', { number: c.contractNumber })}, ${versionLabel(c.version).toLowerCase()}`}
        lead={`${c.employeeName} (${formatPersonnummer(c.personnummer)}) · ${c.positionTitle}, ${c.workplaceName} · ${c.startDate} – ${c.endDate}`}
        actions={
          <>
            <ContractStatusChip status={c.status} size="medium" />
            <PdfButton id={c.id} variant="contained" />
          </>
        }
      />
      {notice && (
        <Alert severity="success" sx={{ mb: 2 }} onClose={() => setNotice(false)} role="status">
          {c.version === 1
            ? t('contracts.detail.generatedFirst')
            : t('contracts.detail.generatedLater', { version: c.version })}
        </Alert>
      )}
      {!c.isCurrent && newest && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {t('contracts.detail.notCurrent', { version: c.version })}{' '}
          <Link component={RouterLink} to={contractPath(newest.id)}>
            {t('contracts.detail.toNewest', { version: versionLabel(newest.version).toLowerCase() })}
          </Link>
        </Alert>
      )}
      {c.needsNewVersion && (
        <Alert
          severity="warning"
          sx={{ mb: 2 }}
          action={
            <Button
              color="inherit"
              size="small"
              startIcon={<NoteAddOutlined />}
              disabled={generate.isPending}
              onClick={() =>
                generate.mutate(
                  { placementId: c.placementId },
                  {
                    onSuccess: (next) => {
                      setNotice(true);
                      void navigate(contractPath(next.id), { state: { generated: true } });
                    },
                  },
                )
              }
            >
              {t('contracts.detail.generateNew')}
            </Button>
          }
        >
          {t('contracts.detail.needsNewVersion')}
        </Alert>
      )}
      <ErrorAlert error={generate.error} />
      <StatusPanel contract={c} />
      <Versions contract={c} />
      <ContractDocument contract={c} />
    </>
  );
}
