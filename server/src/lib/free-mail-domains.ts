/**
 * Free-mail and ISP mailbox domains. A debtor's contact writing from such a domain
 * tells us nothing about which company they belong to (thousands of unrelated
 * people share gmail.com), so these domains are never used to route mail to a
 * debtor. Covers the big international providers plus the ISP mailboxes common
 * with small businesses in FR / BE / NL / DE / CH / AT / UK.
 */
const exactDomains = new Set([
  // international
  "gmail.com", "googlemail.com", "outlook.com", "msn.com", "icloud.com", "me.com", "mac.com",
  "aol.com", "aim.com", "ymail.com", "rocketmail.com", "protonmail.com", "protonmail.ch", "proton.me", "pm.me",
  "mail.com", "zoho.com", "zohomail.eu", "tutanota.com", "tutanota.de", "tuta.io", "fastmail.com", "fastmail.fm",
  "yandex.com", "yandex.ru", "mail.ru", "hushmail.com", "posteo.de", "posteo.net", "mailbox.org",
  // France
  "orange.fr", "wanadoo.fr", "free.fr", "sfr.fr", "neuf.fr", "laposte.net", "bbox.fr", "numericable.fr",
  "club-internet.fr", "aliceadsl.fr", "cegetel.net", "noos.fr",
  // Belgium
  "telenet.be", "skynet.be", "proximus.be", "scarlet.be", "voo.be", "base.be", "pandora.be",
  // Netherlands
  "ziggo.nl", "kpnmail.nl", "kpnplanet.nl", "planet.nl", "hetnet.nl", "home.nl", "xs4all.nl", "casema.nl",
  "chello.nl", "upcmail.nl", "quicknet.nl", "zeelandnet.nl", "tele2.nl", "online.nl",
  // Germany / Austria / Switzerland
  "web.de", "t-online.de", "freenet.de", "arcor.de", "online.de", "vodafone.de", "1und1.de", "gmx.net",
  "aon.at", "chello.at", "a1.net", "bluewin.ch", "sunrise.ch", "hispeed.ch",
  // United Kingdom
  "btinternet.com", "btopenworld.com", "sky.com", "virginmedia.com", "ntlworld.com", "talktalk.net",
  "blueyonder.co.uk", "tiscali.co.uk",
]);

/**
 * Brands that exist under many country suffixes (hotmail.fr, yahoo.co.uk,
 * gmx.ch...): matched as `<brand>.<tld>` or `<brand>.co|com.<cc>`.
 */
const brandLabels = new Set(["hotmail", "live", "outlook", "windowslive", "yahoo", "gmx"]);

/** True when `domain` (or an e-mail address) is a free-mail / ISP domain. */
export function isFreeMailDomain(domainOrEmail: string): boolean {
  const domain = domainOrEmail.slice(domainOrEmail.lastIndexOf("@") + 1).trim().toLowerCase().replace(/\.$/, "");
  if (!domain) return false;
  const labels = domain.split(".");
  // Exact match or any parent domain (e.g. "mx.orange.fr" is still orange.fr).
  for (let i = 0; i < labels.length - 1; i++) {
    if (exactDomains.has(labels.slice(i).join("."))) return true;
  }
  const brand = labels[0];
  if (!brandLabels.has(brand)) return false;
  if (labels.length === 2) return /^[a-z]{2,3}$/.test(labels[1]);
  return labels.length === 3 && (labels[1] === "co" || labels[1] === "com") && /^[a-z]{2}$/.test(labels[2]);
}

export const freeMailDomains: ReadonlySet<string> = exactDomains;
