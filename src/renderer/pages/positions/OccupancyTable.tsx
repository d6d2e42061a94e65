import { useTranslation } from 'react-i18next';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { Occupancy, Position } from '../../../shared/domain/position';
import { formatDate } from '../../util/format';
import { FreeChip } from '../../components';
import './i18n';

export function OccupancyCells({ o }: { o: Occupancy }) {
  return (
    <>
      <TableCell align="right">{o.slots}</TableCell>
      <TableCell align="right">{o.placed}</TableCell>
      <TableCell align="right">{o.reserved}</TableCell>
      <TableCell align="right">{o.drafts}</TableCell>
      <TableCell>
        <FreeChip free={o.free} slots={o.slots} />
      </TableCell>
    </>
  );
}

export function OccupancyTable({ position }: { position: Position }) {
  const { t } = useTranslation();
  const head = (
    <>
      <TableCell component="th" scope="col" align="right">
        {t('positions.detail.slots')}
      </TableCell>
      <TableCell component="th" scope="col" align="right">
        {t('positions.detail.placed')}
      </TableCell>
      <TableCell component="th" scope="col" align="right">
        {t('positions.detail.reserved')}
      </TableCell>
      <TableCell component="th" scope="col" align="right">
        {t('positions.detail.drafts')}
      </TableCell>
      <TableCell component="th" scope="col">
        {t('positions.detail.free')}
      </TableCell>
    </>
  );
  if (position.periods.length === 0) {
    return (
      <Table size="small" aria-label={t('positions.detail.occupancy')}>
        <TableHead>
          <TableRow>{head}</TableRow>
        </TableHead>
        <TableBody>
          <TableRow>
            <OccupancyCells o={position.occupancy} />
          </TableRow>
        </TableBody>
      </Table>
    );
  }
  return (
    <Table size="small" aria-label={t('positions.detail.periodsLabel')}>
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">
            {t('positions.detail.periodName')}
          </TableCell>
          <TableCell component="th" scope="col">
            {t('positions.detail.dates')}
          </TableCell>
          {head}
        </TableRow>
      </TableHead>
      <TableBody>
        {position.periods.map((p) => (
          <TableRow key={p.id}>
            <TableCell component="th" scope="row" sx={{ fontWeight: 600 }}>
              {p.name}
            </TableCell>
            <TableCell>
              {formatDate(p.startDate)} – {formatDate(p.endDate)}
            </TableCell>
            <OccupancyCells o={p.occupancy} />
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
