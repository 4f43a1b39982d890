import { describe, expect, it } from 'vitest';
import {
  OPTIONAL_SITE_MATCHES,
  isSite,
  siteOfAddress,
  siteOfUrl,
  sitePattern,
  withSite,
  withoutSite,
} from '@/lib/portal/site-access';

describe('siteOfUrl', () => {
  it('keeps the scheme and host of a web page and drops port, path, query and credentials', () => {
    expect(siteOfUrl('https://app.example.go.id/lke/form?unit=9#soal-3')).toBe('https://app.example.go.id');
    expect(siteOfUrl('http://zi.kemenkeu.go.id:8080/')).toBe('http://zi.kemenkeu.go.id');
    expect(siteOfUrl('https://user:secret@lke.example.go.id/')).toBe('https://lke.example.go.id');
  });

  it('writes hosts the way the browser does: lower case, punycode, normalized IPs', () => {
    expect(siteOfUrl('HTTPS://LKE.Example.GO.ID/Form')).toBe('https://lke.example.go.id');
    expect(siteOfUrl('https://zona-integritas.bücher.id/')).toBe('https://zona-integritas.xn--bcher-kva.id');
    expect(siteOfUrl('http://0x7f.0.0.1/')).toBe('http://127.0.0.1');
    expect(siteOfUrl('http://[0:0:0:0:0:0:0:1]:5173/')).toBe('http://[::1]');
    expect(siteOfUrl('http://localhost:3000/lke')).toBe('http://localhost');
  });

  it('refuses what is not an http(s) page on a host a pattern can name', () => {
    for (const url of [
      'ftp://files.example.go.id/',
      'file:///home/user/lke.html',
      'chrome://extensions/',
      'chrome-extension://abcdefghijklmnop/sidepanel.html',
      'about:blank',
      'javascript:alert(1)',
      'https://*.example.go.id/',
      'https://*/',
      'https://intranet/',
      'https://example.go.id./',
      'https://-bad.example.go.id/',
      'https://under_score.example.go.id/',
      `https://${'a'.repeat(64)}.example.go.id/`,
      `https://${Array.from({ length: 60 }, () => 'abcd').join('.')}.id/`,
      'not a url',
      '',
    ]) {
      expect(siteOfUrl(url), url).toBeNull();
    }
  });
});

describe('siteOfAddress', () => {
  it('takes a pasted address bar, with or without a scheme', () => {
    expect(siteOfAddress('  https://lke.example.go.id/form/7  ')).toBe('https://lke.example.go.id');
    expect(siteOfAddress('lke.example.go.id/form/7')).toBe('https://lke.example.go.id');
    expect(siteOfAddress('lke.example.go.id:8443')).toBe('https://lke.example.go.id');
    expect(siteOfAddress('http://10.1.2.3/zi')).toBe('http://10.1.2.3');
  });

  it('refuses empty input, other schemes and lone words', () => {
    expect(siteOfAddress('   ')).toBeNull();
    expect(siteOfAddress('ftp://lke.example.go.id')).toBeNull();
    expect(siteOfAddress('portal')).toBeNull();
    expect(siteOfAddress('javascript:alert(1)')).toBeNull();
  });
});

describe('isSite and sitePattern', () => {
  it('accept only the exact form siteOfUrl writes', () => {
    expect(isSite('https://app.example.go.id')).toBe(true);
    expect(isSite('https://app.example.go.id/')).toBe(false);
    expect(isSite('https://app.example.go.id:8443')).toBe(false);
    expect(isSite('https://App.example.go.id')).toBe(false);
    expect(isSite('https://*.example.go.id')).toBe(false);
    expect(isSite('app.example.go.id')).toBe(false);
  });

  it('asks for every page of one site, which the manifest’s optional patterns cover', () => {
    expect(sitePattern('https://app.example.go.id')).toBe('https://app.example.go.id/*');
    expect(OPTIONAL_SITE_MATCHES).toEqual(['https://*/*', 'http://*/*']);
  });
});

describe('site lists', () => {
  it('add without duplicates in a stable order and remove', () => {
    const sites = withSite(withSite(['https://b.example.go.id'], 'https://a.example.go.id'), 'https://b.example.go.id');
    expect(sites).toEqual(['https://a.example.go.id', 'https://b.example.go.id']);
    expect(withoutSite(sites, 'https://a.example.go.id')).toEqual(['https://b.example.go.id']);
    expect(withoutSite(sites, 'https://c.example.go.id')).toEqual(sites);
  });
});
