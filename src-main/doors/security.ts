// The Content-Security-Policy of the renderer, in the app and in the web mode.
// AG Grid's themes inject <style> elements, hence style-src 'unsafe-inline';
// scripts come only from the app's own files.
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
