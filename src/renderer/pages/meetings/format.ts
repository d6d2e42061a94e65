import { formatDateTime } from '../../util/format';

/** 'YYYY-MM-DDTHH:MM' pair → "2026-11-24 09:00–11:00". */
export const meetingTime = (m: { startsAt: string; endsAt: string }) =>
  `${formatDateTime(m.startsAt)}–${m.endsAt.slice(11, 16)}`;
