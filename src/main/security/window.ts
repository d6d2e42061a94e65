import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from './csp';

/** The webPreferences of every window: isolated, sandboxed, no Node in the page. */
export function secureWebPreferences(preloadPath: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: process.env.NODE_ENV === 'development',
  };
}

/** Only http(s) links leave the app, to the system browser, after a real URL parse. */
export function externalUrl(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  if (u.username || u.password) return null;
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
  openExternal(url: string): Promise<void> | void;
  appUrl(): string;
}

/**
 * Denies window.open, blocks navigation away from the app (external http(s) links go to the system browser),
 * refuses <webview> attachment.
 */
export function hardenWebContents(contents: WebContents, deps: HardenDeps): void {
  contents.setWindowOpenHandler(({ url }) => {
    const ext = externalUrl(url);
    if (ext) void deps.openExternal(ext);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url, deps.appUrl())) return;
    event.preventDefault();
    const ext = externalUrl(url);
    if (ext) void deps.openExternal(ext);
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
export function isTrustedSender(senderFrame: { url: string; parent: unknown } | null | undefined, appUrl: string): boolean {
  if (!senderFrame || senderFrame.parent) return false;
  return isAppUrl(senderFrame.url, appUrl);
}
