import { describe, expect, it } from 'vitest';
import { isLinux } from './platform';

describe('isLinux', () => {
  it('is true for WebKitGTK on Linux', () => {
    expect(isLinux('Mozilla/5.0 (X11; Ubuntu; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko)')).toBe(true);
  });
  it('is false for WebView2 on Windows and WKWebView on macOS', () => {
    expect(isLinux('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0')).toBe(false);
    expect(isLinux('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)')).toBe(false);
  });
  it('is false for Android, whose user agent also says Linux', () => {
    expect(isLinux('Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36')).toBe(false);
  });
});
