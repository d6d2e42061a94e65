import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  allowedExternalUrl,
  hardenSession,
  hardenWebContents,
  isAppUrl,
  isTrustedSender,
} from '../../../src/main/security/window';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../../src/main/security/csp';

const electron = vi.hoisted(() => ({
  created: [] as unknown[],
  openExternal: vi.fn<(url: string) => Promise<void>>(async () => undefined),
}));
vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(options: unknown) {
      electron.created.push(options);
    }
  },
  shell: { openExternal: electron.openExternal },
}));
const { createMainWindow } = await import('../../../src/main/security/main-window');
const { openExternalSafely } = await import('../../../src/main/security/external');

describe('window hardening', () => {
  beforeEach(() => {
    electron.created.length = 0;
    electron.openExternal.mockClear();
  });

  it('isolates and sandboxes the window, with no Node in the page and Auxclick off', () => {
    createMainWindow('/app/preload.cjs');
    expect(electron.created).toHaveLength(1);
    const { webPreferences } = electron.created[0] as { webPreferences: Record<string, unknown> };
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      preload: '/app/preload.cjs',
    });
    expect(webPreferences).not.toHaveProperty('enableBlinkFeatures');
  });

  it('hands only https and mailto links to the system, through the one guarded function', async () => {
    expect(await openExternalSafely('https://www.boras.se/jobb')).toBe(true);
    expect(await openExternalSafely('mailto:anna.handlaggare@example.se')).toBe(true);
    for (const bad of [
      'http://www.boras.se/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id',
      42,
      null,
    ]) {
      expect(await openExternalSafely(bad)).toBe(false);
    }
    expect(electron.openExternal.mock.calls).toEqual([
      ['https://www.boras.se/jobb'],
      ['mailto:anna.handlaggare@example.se'],
    ]);
  });

  it('has a strict CSP: own scripts only, no eval, no framing, no remote connections', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-(eval|inline)/);
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(SECURITY_HEADERS['X-Frame-Options']).toBe('DENY');
  });

  it('lets only real https and mailto URLs leave the app', () => {
    expect(allowedExternalUrl('https://www.boras.se/jobb')).toBe('https://www.boras.se/jobb');
    expect(allowedExternalUrl('mailto:anna@example.se')).toBe('mailto:anna@example.se');
    expect(allowedExternalUrl('http://www.boras.se/')).toBeNull();
    expect(allowedExternalUrl('javascript:alert(1)')).toBeNull();
    expect(allowedExternalUrl('file:///etc/passwd')).toBeNull();
    expect(allowedExternalUrl('https://user:pw@evil.example')).toBeNull();
    expect(allowedExternalUrl('not a url')).toBeNull();
    expect(allowedExternalUrl('smb://server/share')).toBeNull();
    expect(allowedExternalUrl(`https://example.se/${'a'.repeat(3000)}`)).toBeNull();
  });

  it('treats only the app itself as in-app navigation', () => {
    expect(
      isAppUrl('file:///opt/vaxla/out/renderer/index.html#/deltagare', 'file:///opt/vaxla/out/renderer/index.html'),
    ).toBe(true);
    expect(isAppUrl('file:///etc/passwd', 'file:///opt/vaxla/out/renderer/index.html')).toBe(false);
    expect(isAppUrl('http://localhost:5173/#/x', 'http://localhost:5173/')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
  });

  it('denies window.open and blocks navigation, opening external links outside', () => {
    const handlers: Record<string, (...a: unknown[]) => void> = {};
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    const contents = {
      setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h),
      on: (ev: string, h: (...a: unknown[]) => void) => (handlers[ev] = h),
    };
    const openLink = vi.fn();
    hardenWebContents(contents as never, { openLink, appUrl: () => 'file:///app/index.html' });
    expect(openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(openLink).toHaveBeenCalledTimes(1);
    const ev = { preventDefault: vi.fn() };
    handlers['will-navigate']!(ev, 'https://evil.example/');
    expect(ev.preventDefault).toHaveBeenCalled();
    const inApp = { preventDefault: vi.fn() };
    handlers['will-navigate']!(inApp, 'file:///app/index.html#/avtal');
    expect(inApp.preventDefault).not.toHaveBeenCalled();
    const wv = { preventDefault: vi.fn() };
    handlers['will-attach-webview']!(wv);
    expect(wv.preventDefault).toHaveBeenCalled();
  });

  it('denies every permission request', () => {
    let request: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h),
      setDevicePermissionHandler: () => undefined,
      webRequest: { onHeadersReceived: () => undefined },
    };
    hardenSession(session as never);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const cb = vi.fn();
      request!(null, p, cb);
      expect(cb).toHaveBeenCalledWith(false);
    }
    expect(check!()).toBe(false);
  });

  it('accepts IPC only from the app top frame', () => {
    expect(isTrustedSender({ url: 'file:///app/index.html', parent: null }, 'file:///app/index.html')).toBe(true);
    expect(isTrustedSender({ url: 'file:///app/index.html', parent: {} }, 'file:///app/index.html')).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null }, 'file:///app/index.html')).toBe(false);
    expect(isTrustedSender(null, 'file:///app/index.html')).toBe(false);
  });
});
