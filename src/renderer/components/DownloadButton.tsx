import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import Button from '@mui/material/Button';
import { downloadFile } from '../api/client';
import { ErrorAlert } from './ErrorAlert';

export type FileReply =
  | { fileName: string; mimeType: string; contentBase64: string }
  | { fileName: string; mimeType: string; content: string };

/** Saves a file from the main process (base64 in JSON, docs/product.md §7, or text such as iCalendar). */
export function saveFile(file: FileReply): void {
  if ('contentBase64' in file) {
    downloadFile(file);
    return;
  }
  const url = URL.createObjectURL(new Blob([file.content], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A button that fetches a file (a PDF, an export, an .ics) and saves it; says so while it works and shows the
 * reason when it fails.
 */
export function DownloadButton({
  fetchFile,
  children,
  busyLabel,
  icon,
  variant = 'outlined',
  ariaLabel,
  size,
}: {
  fetchFile: () => Promise<FileReply>;
  children: ReactNode;
  busyLabel?: ReactNode;
  icon?: ReactNode;
  variant?: 'outlined' | 'contained' | 'text';
  ariaLabel?: string;
  size?: 'small' | 'medium';
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      saveFile(await fetchFile());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        variant={variant}
        startIcon={icon}
        onClick={() => void run()}
        disabled={busy}
        aria-label={ariaLabel}
        size={size}
      >
        {busy ? (busyLabel ?? t('kit.downloading')) : children}
      </Button>
      {error ? <ErrorAlert error={error} sx={{ width: '100%', mt: 1, mb: 0 }} /> : null}
    </>
  );
}
