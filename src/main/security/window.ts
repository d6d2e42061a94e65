import type { Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from './csp';

/**
 * The schemes a link may leave the app with, to the system's own handler:
 * - `https:` to the system browser (help pages, Arbetsförmedlingen, Skatteverket). Not plain `http:`: it can be read
 *   and altered on the way, and no page the app links to needs it.
 * - `mailto:` to the mail program (a caseworker's or a supervisor's e-mail address).
 * Everything else is refused: `file:` and `smb:` open local or network files, and other schemes start whatever
 * program is registered for them (the classic way from a link in an Electron app to running code).
 */
export const EXTERNAL_SCHEMES: readonly string[] = ['https:', 'mailto:'];

/** The URL to hand to the system, after a real URL parse, or null when it may not leave the app. */
export function allowedExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 2048) return null;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if (!EXTERNAL_SCHEMES.includes(u.protocol)) return null;
  if (u.username || u.password) return null;
  if (u.protocol === 'https:' && !u.hostname) return null;
  return u.toString();
}

/** Is this navigation inside the app itself (same origin as the loaded renderer, or the same file)? */
export function isAppUrl(raw: string, appUrl: string): boolean {
  try {
    const target = new URL(raw);
    const app = new URL(appUrl);
    if (app.protocol === 'file:') return target.protocol === 'file:' && target.pathname === app.pathname;
    return target.origin === app.origin;
  } catch {
    return false;
  }
}

export interface HardenDeps {
  /** Hands a link to the system; in the app this is openExternalSafely (security/external.ts), which checks again. */
  openLink(url: string): Promise<unknown> | void;
  appUrl(): string;
}

/**
 * Denies window.open, blocks navigation away from the app (allowed external links go to the system browser),
 * refuses <webview> attachment.
 */
export function hardenWebContents(contents: WebContents, deps: HardenDeps): void {
  contents.setWindowOpenHandler(({ url }) => {
    const ext = allowedExternalUrl(url);
    if (ext) void deps.openLink(ext);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url, deps.appUrl())) return;
    event.preventDefault();
    const ext = allowedExternalUrl(url);
    if (ext) void deps.openLink(ext);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, deps.appUrl())) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Every permission request (camera, notifications, geolocation …) is denied; the CSP header is set on responses. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler?.(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

/** IPC handlers accept calls only from the app's own top frame. */
export function isTrustedSender(
  senderFrame: { url: string; parent: unknown } | null | undefined,
  appUrl: string,
): boolean {
  if (!senderFrame || senderFrame.parent) return false;
  return isAppUrl(senderFrame.url, appUrl);
}
