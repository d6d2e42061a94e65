import { shell } from 'electron';
import { allowedExternalUrl } from './window';

/**
 * The one place the app hands a URL to the operating system. Every caller (links the page tries to open or
 * navigate to, the preload's `openExternal`) comes through here, and the allow-list of schemes
 * (EXTERNAL_SCHEMES: https and mailto) is applied here, whatever the caller checked before.
 * Returns whether the URL was opened.
 */
export async function openExternalSafely(raw: unknown): Promise<boolean> {
  const url = allowedExternalUrl(raw);
  if (url === null) return false;
  await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: `url` passed allowedExternalUrl just above
  return true;
}
