import { paths } from '../../app/paths';
import './i18n';

/** Where a step that another part of Växla takes is carried out (the participant's next steps link there). */
export const VIA_PATHS: Record<string, string> = {
  matching: paths.matching,
  review: paths.review,
  placements: paths.placements,
  'meetings.book': paths.meetings,
  'meetings.unbook': paths.meetings,
  'meetings.recordAttendance': paths.meetings,
};
