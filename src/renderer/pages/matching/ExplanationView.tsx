import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableFooter from '@mui/material/TableFooter';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { MatchExplanation } from '../../../shared/domain/proposal';
import { formatDate } from '../../util/format';
import { SwedishText, useLabel } from '../../components';
import './i18n';

/** "62 av 100" with a bar; the bar is decoration, the text carries the value. */
export function ScoreBar({ score, max, width = 120 }: { score: number; max: number; width?: number }) {
  const { t } = useTranslation();
  const pct = max > 0 ? Math.round((score / max) * 100) : 0;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, width: '100%' }}>
      <LinearProgress
        variant="determinate"
        value={pct}
        aria-hidden
        sx={{ width, height: 8, borderRadius: 4, flexShrink: 0 }}
      />
      <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
        {t('matching.score.of', { score, max })}
      </Typography>
    </Box>
  );
}

/**
 * A match score criterion by criterion, in the words the scoring engine wrote (Swedish), with the hard constraints
 * that exclude the pair, if any. Used everywhere a score is shown, and for a proposal's stored snapshot.
 */
export function ExplanationView({ explanation, caption }: { explanation: MatchExplanation; caption?: string }) {
  const { t } = useTranslation();
  const label = useLabel();
  return (
    <Box>
      {!explanation.eligible && explanation.excluded.length > 0 && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          <AlertTitle>{t('matching.explain.excludedTitle')}</AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {explanation.excluded.map((e) => (
              <li key={e.constraint}>
                <strong>{label('hardConstraint', e.constraint)}:</strong> <SwedishText>{e.detail}</SwedishText>
              </li>
            ))}
          </Box>
        </Alert>
      )}
      <Table size="small" aria-label={caption ?? t('matching.explain.tableLabel')}>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              {t('matching.explain.criterion')}
            </TableCell>
            <TableCell component="th" scope="col" sx={{ width: 190 }}>
              {t('matching.explain.points')}
            </TableCell>
            <TableCell component="th" scope="col">
              {t('matching.explain.why')}
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {explanation.criteria.map((c) => (
            <TableRow key={c.criterion}>
              <TableCell component="th" scope="row" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
                {label('matchCriterion', c.criterion)}
                {c.sensitive && (
                  <Tooltip title={t('matching.explain.sensitiveHelp')}>
                    <Chip size="small" variant="outlined" label={t('matching.explain.sensitive')} sx={{ ml: 1 }} />
                  </Tooltip>
                )}
              </TableCell>
              <TableCell>
                <ScoreBar score={c.points} max={c.max} width={70} />
              </TableCell>
              <TableCell>
                <SwedishText>{c.detail}</SwedishText>
              </TableCell>
            </TableRow>
          ))}
          {explanation.criteria.length === 0 && (
            <TableRow>
              <TableCell colSpan={3}>{t('matching.explain.noCriteria')}</TableCell>
            </TableRow>
          )}
        </TableBody>
        <TableFooter>
          <TableRow>
            <TableCell component="th" scope="row" sx={{ fontWeight: 700, color: 'text.primary', fontSize: '0.95rem' }}>
              {t('matching.explain.total')}
            </TableCell>
            <TableCell colSpan={2} sx={{ fontWeight: 700, color: 'text.primary', fontSize: '0.95rem' }}>
              {t('matching.score.of', { score: explanation.score, max: explanation.max })}
            </TableCell>
          </TableRow>
        </TableFooter>
      </Table>
      {explanation.startDate && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1.5 }}>
          {t('matching.explain.startDate', { date: formatDate(explanation.startDate) })}
        </Typography>
      )}
    </Box>
  );
}
