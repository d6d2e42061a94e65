import { describe, expect, it, vi } from 'vitest';
import {
  externalUrl,
  hardenSession,
  hardenWebContents,
  isAppUrl,
  isTrustedSender,
  secureWebPreferences,
} from '../../../src/main/security/window';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../../src/main/security/csp';

describe('window hardening', () => {
  it('isolates and sandboxes every window, with no Node in the page', () => {
    const wp = secureWebPreferences('/app/preload.cjs');
    expect(wp).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/preload.cjs',
    });
  });

  it('has a strict CSP: own scripts only, no eval, no framing, no remote connections', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-(eval|inline)/);
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(SECURITY_HEADERS['X-Frame-Options']).toBe('DENY');
  });

  it('sends only real http(s) URLs to the system browser', () => {
    expect(externalUrl('https://www.boras.se/jobb')).toBe('https://www.boras.se/jobb');
    expect(externalUrl('javascript:alert(1)')).toBeNull();
    expect(externalUrl('file:///etc/passwd')).toBeNull();
    expect(externalUrl('https://user:pw@evil.example')).toBeNull();
    expect(externalUrl('not a url')).toBeNull();
    expect(externalUrl('smb://server/share')).toBeNull();
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
    const openExternal = vi.fn();
    hardenWebContents(contents as never, { openExternal, appUrl: () => 'file:///app/index.html' });
    expect(openHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
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
