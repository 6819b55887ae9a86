import sanitizeHtml from "sanitize-html";

/**
 * Server-side sanitising of email HTML for GET /api/messages/:id. Email HTML
 * is hostile: no scripts, event handlers, forms, frames, objects, <style>
 * blocks or style-based tricks (url(), expression(), behaviours, positioning
 * overlays) survive. Remote images are blocked by default (tracking pixels)
 * and reported through hasRemoteImages; cid: images point at the message's
 * own attachment download URL.
 */

// Property values must be plain: no url(), expression(), var(), escapes or comments.
const PLAIN = /^(?!.*(url|expression|image-set|var|env|attr|calc)\s*\()(?!.*(\\|\/\*|javascript:|behavior|binding))[#\w\s.,%()'"!+-]*$/i;
const STYLE_PROPS = [
  "color", "background-color", "font-family", "font-size", "font-weight", "font-style", "font-variant",
  "text-align", "text-decoration", "text-transform", "text-indent", "letter-spacing", "line-height",
  "vertical-align", "white-space", "word-break", "padding", "padding-left", "padding-right", "padding-top",
  "padding-bottom", "margin", "margin-left", "margin-right", "margin-top", "margin-bottom", "border",
  "border-left", "border-right", "border-top", "border-bottom", "border-collapse", "border-color",
  "border-width", "border-style", "border-spacing", "border-radius", "width", "max-width", "min-width", "height",
  "list-style-type",
];
const allowedStyles = { "*": Object.fromEntries(STYLE_PROPS.map((p) => [p, [PLAIN]])) };

const TAGS = [
  "a", "abbr", "address", "b", "big", "blockquote", "br", "caption", "center", "cite", "code", "col", "colgroup",
  "dd", "del", "div", "dl", "dt", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "li",
  "ol", "p", "pre", "q", "s", "small", "span", "strike", "strong", "sub", "sup", "table", "tbody", "td", "tfoot",
  "th", "thead", "tr", "tt", "u", "ul", "wbr",
];

const SAFE_DATA_IMAGE = /^data:image\/(png|jpe?g|gif|webp|bmp);base64,[a-z0-9+/=\s]+$/i;

export interface SanitizeOptions {
  /** contentId (without <>) → URL of that attachment. */
  cidUrl: (contentId: string) => string | null;
  /** Keep remote image URLs (the user chose to load them). */
  showRemoteImages?: boolean;
}

export function sanitizeEmailHtml(html: string, opts: SanitizeOptions): { html: string; hasRemoteImages: boolean } {
  let hasRemoteImages = false;
  const out = sanitizeHtml(html, {
    allowedTags: TAGS,
    allowedAttributes: {
      "*": ["style", "align", "valign", "width", "height", "dir", "lang", "title", "colspan", "rowspan", "bgcolor", "color", "border", "cellpadding", "cellspacing"],
      a: ["href", "name", "target", "rel"],
      img: ["src", "alt", "data-remote-src"],
      font: ["face", "size"],
      ol: ["start", "type"],
    },
    allowedSchemes: ["http", "https", "mailto", "tel"],
    allowedSchemesByTag: { img: ["http", "https", "data"] },
    allowedSchemesAppliedToAttributes: ["href", "src", "cite"],
    allowProtocolRelative: false,
    allowedStyles,
    parseStyleAttributes: true,
    // The text of dropped containers goes too, not just the tags.
    nonTextTags: ["script", "style", "textarea", "option", "noscript", "title", "head", "template", "iframe", "object", "embed", "svg", "math", "xml"],
    exclusiveFilter: (frame) => frame.tag === "img" && !frame.attribs.src && !frame.attribs["data-remote-src"],
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, target: "_blank", rel: "noopener noreferrer nofollow" } }),
      img: (tagName, attribs) => {
        const src = (attribs.src ?? "").trim();
        // A forged data-remote-src from the mail itself is never trusted.
        const { src: _src, "data-remote-src": _forged, ...rest } = attribs;
        if (/^cid:/i.test(src)) {
          let cid = src.slice(4);
          try {
            cid = decodeURIComponent(cid);
          } catch {
            /* keep as is */
          }
          const url = opts.cidUrl(cid.replace(/^<|>$/g, ""));
          // Our own relative URL: sanitize-html's scheme check lets it through.
          return { tagName, attribs: url ? { ...rest, src: url } : rest };
        }
        if (/^https?:\/\//i.test(src)) {
          hasRemoteImages = true;
          return { tagName, attribs: opts.showRemoteImages ? { ...rest, src } : { ...rest, "data-remote-src": src } };
        }
        if (SAFE_DATA_IMAGE.test(src)) return { tagName, attribs: { ...rest, src } };
        return { tagName, attribs: rest };
      },
    },
  });
  return { html: out, hasRemoteImages };
}
