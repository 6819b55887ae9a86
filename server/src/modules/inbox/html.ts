import sanitizeHtml from "sanitize-html";

/**
 * Email HTML is hostile until proven otherwise. It is sanitised here (no
 * scripts, no event handlers, no forms, no <style> blocks, only harmless inline
 * styles) and then shown in a sandboxed iframe without allow-scripts, under a
 * CSP that blocks every remote load. Remote images are parked in
 * data-remote-src so that nothing is fetched (no tracking pixel fires) until
 * the user asks for them; cid: images are inlined from the attachments.
 */
export interface InlineImage {
  contentId: string;
  contentType: string;
  content: Buffer;
}

const MAX_INLINE_IMAGE = 2 * 1024 * 1024;
// Property values must be plain: no url(), no expressions, no escapes.
const plain = [/^(?!.*(url|expression|image-set|var)\s*\()[#\w\s.,%()'"!/+-]*$/i];
const allowedStyle = Object.fromEntries(
  [
    "color", "background-color", "font-family", "font-size", "font-weight", "font-style", "text-align",
    "text-decoration", "line-height", "vertical-align", "padding", "padding-left", "padding-right", "padding-top",
    "padding-bottom", "margin", "margin-left", "margin-right", "margin-top", "margin-bottom", "border",
    "border-collapse", "border-color", "border-width", "border-style", "width", "max-width", "height", "white-space",
  ].map((p) => [p, plain]),
);

export function sanitizeEmailHtml(html: string, inline: InlineImage[] = []): { html: string; hasRemoteImages: boolean } {
  let hasRemoteImages = false;
  const byCid = new Map(inline.map((i) => [i.contentId.replace(/^<|>$/g, "").toLowerCase(), i]));
  const clean = sanitizeHtml(html, {
    allowedTags: [
      "a", "abbr", "b", "blockquote", "br", "caption", "center", "code", "col", "colgroup", "dd", "div", "dl", "dt",
      "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "s", "small",
      "span", "strike", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
    ],
    allowedAttributes: {
      "*": ["style", "align", "valign", "width", "height", "dir", "lang", "title", "colspan", "rowspan", "bgcolor", "color"],
      a: ["href", "target", "rel"],
      img: ["src", "alt", "data-remote-src"],
      font: ["face", "size"],
    },
    allowedSchemes: ["http", "https", "mailto", "data", "cid"],
    allowedSchemesByTag: { img: ["http", "https", "data", "cid"], a: ["http", "https", "mailto"] },
    allowedStyles: { "*": allowedStyle },
    allowProtocolRelative: false,
    // Text of dropped <script>/<style> blocks is removed too, not shown as text.
    nonTextTags: ["script", "style", "textarea", "noscript", "title", "head", "template", "iframe", "object", "svg", "math"],
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, target: "_blank", rel: "noopener noreferrer nofollow" } }),
      img: (tagName, attribs) => {
        const src = (attribs.src ?? "").trim();
        const { src: _drop, "data-remote-src": _forged, ...rest } = attribs;
        if (/^cid:/i.test(src)) {
          const img = byCid.get(decodeURIComponent(src.slice(4)).toLowerCase());
          if (img && img.content.length <= MAX_INLINE_IMAGE && /^image\/(png|jpe?g|gif|webp|bmp)$/i.test(img.contentType)) {
            return { tagName, attribs: { ...rest, src: `data:${img.contentType.toLowerCase()};base64,${img.content.toString("base64")}` } };
          }
          return { tagName, attribs: rest };
        }
        if (/^https?:\/\//i.test(src)) {
          hasRemoteImages = true;
          return { tagName, attribs: { ...rest, "data-remote-src": src } };
        }
        if (/^data:image\/(png|jpe?g|gif|webp|bmp);/i.test(src)) return { tagName, attribs: { ...rest, src } };
        return { tagName, attribs: rest };
      },
    },
  });
  return { html: clean, hasRemoteImages };
}
