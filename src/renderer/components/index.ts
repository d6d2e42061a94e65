/**
 * The renderer kit: every screen is built from these (see README, "The renderer kit"). Import from
 * '../../components'. Pages of one area never import another area's files; what two areas share lives here.
 */
export { PageHeader } from './PageHeader';
export { Loading } from './Loading';
export { ErrorAlert } from './ErrorAlert';
export { EmptyState } from './EmptyState';
export { StatCard } from './StatCard';
export { SwedishText } from './SwedishText';
export { SectionPlaceholder } from './SectionPlaceholder';
export { Section } from './Section';
export { SensitiveBadge, SensitiveLabel } from './Sensitive';
export { FactList, TagList, type Fact } from './FactList';
export { SectionTabs, type TabLink } from './SectionTabs';
export { DownloadButton, saveFile, type FileReply } from './DownloadButton';
export { ActionButton } from './ActionButton';
export { ConfirmDialog, FormDialog } from './dialogs';
export { DataTable, useGridLocale, type DataTableProps } from './DataTable';
export { useGridState, useSearchText, type GridState, type GridStateOptions } from './grid-state';
export { FilterSelect } from './FilterSelect';
export {
  StatusChip,
  StageChip,
  ProposalStatusChip,
  ContractStatusChip,
  PhaseChip,
  MeetingStatusChip,
  DecisionChip,
  DECISION_ICON,
  FreeChip,
  DaysLeftChip,
  type ChipEnum,
} from './chips';
export {
  useLabel,
  useMessage,
  useMessageText,
  useErrorText,
  useErrorMessage,
  useRelabel,
  useParticipantRef,
  type MessageText,
  type Translatable,
} from './labels';
export { MessageSpan } from './MessageSpan';
export type { EnumName, EnumValue } from '../app/locales/enums';
export { DateField, TimeField, INVALID_DATE, isoToDate, dateToIso } from './fields/DateField';
export { MoneyField, PercentField } from './fields/NumberFields';
export { TagsField, SuggestField } from './fields/TagsField';
export {
  defineForm,
  type FormLayout,
  type FieldLayout,
  type SectionLayout,
  type FieldRenderer,
  type FieldRenderProps,
  type ResolvedField,
  type Widget,
} from './form/layout';
export { useSchemaForm, serverErrorToForm, type SchemaForm, type SchemaFormOptions } from './form/useSchemaForm';
export { FormBody, FormSections, FormSection, FormField, type Choice } from './form/FormFields';
export { initialValues, toInput, type EditValues, type Problem } from './form/values';
