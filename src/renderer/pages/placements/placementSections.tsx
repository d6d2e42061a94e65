import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { ContractStatus } from '../../../shared/domain/contract-doc';
import type { Placement } from '../../../shared/domain/placement';
import { paths } from '../../app/paths';
import { formatDate, formatDateTime } from '../../util/format';
import { useLabel } from '../../components';
import { kronor, useMonthsText } from './parts';
import './i18n';

export function Extensions({ p }: { p: Placement }) {
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

export function FollowUps({ p }: { p: Placement }) {
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

export function Contracts({ p, canOpen }: { p: Placement; canOpen: boolean }) {
  const { t } = useTranslation();
  const label = useLabel();
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
                const versionText =
                  c.version === 1
                    ? t('placements.detail.v1')
                    : t('placements.detail.vN', { version: c.version, n: c.version - 1 });
                return (
                  <TableRow key={c.id}>
                    <TableCell component="th" scope="row">
                      {canOpen ? (
                        <Link component={RouterLink} to={paths.contract(c.id)}>
                          {versionText}
                        </Link>
                      ) : (
                        versionText
                      )}
                    </TableCell>
                    <TableCell>{label('contractStatus', c.status as ContractStatus)}</TableCell>
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
