import { useState } from 'react';
import { Link as RouterLink, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import ArrowBack from '@mui/icons-material/ArrowBack';
import NoteAddOutlined from '@mui/icons-material/NoteAddOutlined';
import { type ContractDetail } from '../../../shared/domain/contract-doc';
import { useRpcMutation, useRpcQuery } from '../../api/hooks';
import { formatDate, formatPersonnummer } from '../../util/format';
import {
  CONTRACT_INVALIDATES,
  CONTRACTS_BASE,
  contractPath,
  ContractStatusChip,
  PdfButton,
  useVersionLabel,
} from './parts';
import { ErrorAlert, Loading, PageHeader } from '../../components';
import { ContractDocument } from './ContractDocument';
import { StatusPanel } from './ContractStatusPanel';
import './i18n';

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
