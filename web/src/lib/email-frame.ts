/**
 * The document shown in the sandboxed iframe. The server already sanitised
 * the HTML; this adds the belt to the braces: a CSP that allows no scripts and
 * no remote loads (only data: and cid: images) unless the user asked for
 * remote images, and a <base target> so links open outside the frame.
 */
export const FRAME_SANDBOX = "allow-popups allow-popups-to-escape-sandbox";

export function frameCsp(allowRemoteImages: boolean): string {
  const img = allowRemoteImages ? "img-src data: cid: https: http:" : "img-src data: cid:";
  return `default-src 'none'; ${img}; style-src 'unsafe-inline'; font-src 'none'; form-action 'none'; base-uri 'none'`;
}

const escapeAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** Remote images wait in data-remote-src (set by the server) until allowed. */
export function revealRemoteImages(html: string): string {
  return html.replace(/<img([^>]*?)\sdata-remote-src="([^"]*)"/g, '<img$1 src="$2"');
}

export function buildSrcdoc(html: string, allowRemoteImages: boolean): string {
  const body = allowRemoteImages ? revealRemoteImages(html) : html;
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${escapeAttr(frameCsp(allowRemoteImages))}"><base target="_blank"><style>body{font:14px/1.45 system-ui,sans-serif;color:#1d2330;margin:12px;word-wrap:break-word}img{max-width:100%;height:auto}table{max-width:100%}</style></head><body>${body}</body></html>`;
}
