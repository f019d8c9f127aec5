import { describe, expect, it } from 'vitest';
import { coveringSites, siteCovers, siteFromInput, siteKey, siteLabel } from '../../lib/sites';

describe('siteKey', () => {
  it.each([
    ['https://www.example.com/a?b', 'example.com'],
    ['https://Example.COM./path', 'example.com'],
    ['https://www.example.com../', 'example.com'],
    ['http://news.example.test:8080/', 'news.example.test'],
    ['http://127.0.0.1:8080/page.html', '127.0.0.1'],
    ['http://[::1]:8080/', '[::1]'],
    ['file:///home/me/page.html', 'file://'],
    ['about:blank', null],
    ['about:srcdoc', null],
    ['data:text/html,hi', null],
    ['chrome://extensions', null],
    ['not a url', null],
  ])('siteKey(%s) = %s', (url, key) => {
    expect(siteKey(url)).toBe(key);
  });
});

describe('siteLabel', () => {
  it('shows an internationalised name in its own letters, and any other site as it is', () => {
    expect(siteKey('https://bücher.de/')).toBe('xn--bcher-kva.de');
    expect(siteLabel('xn--bcher-kva.de')).toBe('bücher.de');
    expect(siteLabel('example.com')).toBe('example.com');
    expect(siteLabel('127.0.0.1')).toBe('127.0.0.1');
    expect(siteLabel('file://')).toBe('file://');
  });
});

describe('siteCovers', () => {
  it('a domain covers itself and its subdomains, not look-alikes', () => {
    expect(siteCovers('example.com', 'example.com')).toBe(true);
    expect(siteCovers('example.com', 'news.example.com')).toBe(true);
    expect(siteCovers('example.com', 'a.b.example.com')).toBe(true);
    expect(siteCovers('example.com', 'badexample.com')).toBe(false);
    expect(siteCovers('example.com', 'example.com.evil.org')).toBe(false);
  });

  it('a subdomain covers only itself and below', () => {
    expect(siteCovers('news.example.com', 'news.example.com')).toBe(true);
    expect(siteCovers('news.example.com', 'eu.news.example.com')).toBe(true);
    expect(siteCovers('news.example.com', 'example.com')).toBe(false);
    expect(siteCovers('news.example.com', 'shop.example.com')).toBe(false);
  });

  it('IP addresses and file:// match only exactly', () => {
    expect(siteCovers('0.1', '127.0.0.1')).toBe(false);
    expect(siteCovers('0.0.1', '127.0.0.1')).toBe(false);
    expect(siteCovers('127.0.0.1', '127.0.0.1')).toBe(true);
    expect(siteCovers('[::1]', '[::1]')).toBe(true);
    expect(siteCovers('file://', 'file://')).toBe(true);
    expect(siteCovers('file://', 'example.com')).toBe(false);
  });

  it('lists the entries covering a site', () => {
    expect(
      coveringSites(['example.com', 'news.example.com', 'other.org'], 'news.example.com'),
    ).toEqual(['example.com', 'news.example.com']);
  });
});

describe('siteFromInput', () => {
  it.each([
    ['News.Example.com.', 'news.example.com'],
    ['https://www.x.org/a/b', 'x.org'],
    ['  example.test  ', 'example.test'],
    ['file:///tmp/a.html', 'file://'],
    ['', null],
    ['ftp://x.org', null],
  ])('siteFromInput(%s) = %s', (raw, key) => {
    expect(siteFromInput(raw)).toBe(key);
  });
});
