/**
 * Sites, as the per-site switch names them. Pure: used by the content script, the background, the popup
 * and the options page alike, so they all agree on which pages a switched-off site covers.
 *
 * - A site is a host: lower case (URL parsing does it), without a trailing dot (`example.com.` is
 *   `example.com`) and without a leading `www.`.
 * - Switching a host off covers it and every host ending in `.` + it: `example.com` covers
 *   `news.example.com`; `news.example.com` covers only itself and its subdomains.
 * - IP addresses are compared whole: `0.1` must not cover `127.0.0.1`, and an address has no subdomains.
 * - Every `file://` page is one site, `file://`. Other schemes (about:, data:, browser pages) have no site.
 */

import { toUnicode } from 'punycode/';

export const FILE_SITE = 'file://';

/**
 * A site as a person writes it: an internationalised name in its own letters ("bücher.de"), not in
 * the punycode URLs store it in ("xn--bcher-kva.de"). For showing only; keys stay as they are.
 */
export function siteLabel(site: string): string {
  try {
    return toUnicode(site);
  } catch {
    return site;
  }
}

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/** Whether a site key is an IP address (v4 as dotted quad, v6 in brackets as URL gives it). */
export function isIpSite(site: string): boolean {
  return IPV4.test(site) || site.startsWith('[');
}

/** The site of a URL ("example.com", "127.0.0.1", "file://"), or null where the switch does not apply. */
export function siteKey(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol === 'file:') return FILE_SITE;
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const host = u.hostname.replace(/\.+$/, '');
  if (!host) return null;
  return isIpSite(host) ? host : host.replace(/^www\./, '');
}

/** Whether switching `entry` off switches `site` off: the same site, or `site` is a subdomain of it. */
export function siteCovers(entry: string, site: string): boolean {
  if (entry === site) return true;
  if (isIpSite(site) || isIpSite(entry) || site === FILE_SITE || entry === FILE_SITE) return false;
  return site.endsWith('.' + entry);
}

/** The entries of a switched-off list that cover `site` (the site itself and any parent domain). */
export function coveringSites(disabled: readonly string[], site: string): string[] {
  return disabled.filter((entry) => siteCovers(entry, site));
}

/**
 * A site key from what a person types in the options page ("News.Example.com.", "https://x.org/a").
 * Null when it names no site.
 */
export function siteFromInput(raw: string): string | null {
  const text = raw.trim();
  if (!text) return null;
  if (/^file:/i.test(text)) return FILE_SITE;
  return siteKey(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
}
