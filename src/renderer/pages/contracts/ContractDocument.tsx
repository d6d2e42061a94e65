import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { contractBlocks, type ContractBlock, type ContractDetail } from '../../../shared/domain/contract-doc';
import './i18n';

/**
 * The contract exactly as printed, from the frozen snapshot (the same blocks the PDF is made from). A contract is
 * written in Swedish whatever the language of the UI, so the document is marked lang="sv" and its few texts of its
 * own (place and date) are the Swedish ones; only the name of the region follows the UI.
 */
export function ContractDocument({ contract }: { contract: ContractDetail }) {
  const { t: ui, i18n } = useTranslation();
  const t = i18n.getFixedT('sv');
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
      aria-label={ui('contracts.detail.document')}
      sx={{ p: { xs: 2, md: 4 }, mb: 3, maxWidth: 960 }}
    >
      <div lang="sv">{blocks.map(render)}</div>
    </Paper>
  );
}
