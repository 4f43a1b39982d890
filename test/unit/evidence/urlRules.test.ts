import { parseMessagesFile } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { checkEvidenceUrl, URL_RULES } from '@/lib/evidence/urlRules';
import { localeFile } from '../support/i18n';

const rulesOf = (url: string): string[] => checkEvidenceUrl(url).map((flag) => flag.rule);

describe('links to folders', () => {
  it.each([
    ['https://drive.google.com/drive/folders/1AbCdEf?usp=sharing', 'driveFolder'],
    ['https://drive.google.com/drive/u/0/folders/1AbCdEf', 'driveFolder'],
    ['https://drive.google.com/embeddedfolderview?id=1AbCdEf#list', 'driveFolder'],
    ['https://kemenag.sharepoint.com/:f:/s/zi/EgAbC?e=x1', 'sharePointFolder'],
    ['https://kemenag.sharepoint.com/sites/zi/Shared%20Documents/Forms/AllItems.aspx', 'sharePointFolder'],
    ['https://1drv.ms/f/s!AbCdEf', 'oneDriveFolder'],
    ['https://www.dropbox.com/sh/abc123/AAB?dl=0', 'dropboxFolder'],
    ['https://www.dropbox.com/scl/fo/abc123/h?rlkey=x&dl=0', 'dropboxFolder'],
    ['https://app.box.com/folder/12345', 'boxFolder'],
    ['https://mega.nz/folder/AbC#key', 'megaFolder'],
    ['https://arsip.example.go.id/zi/2026/?C=M;O=A', 'directoryListing'],
  ])('flags %s as %s', (url, rule) => {
    expect(checkEvidenceUrl(url)).toEqual([{ kind: 'folder', rule }]);
  });

  it.each([
    'https://drive.google.com/file/d/1AbCdEf/view?usp=sharing',
    'https://drive.google.com/open?id=1AbCdEf',
    'https://docs.google.com/document/d/1AbCdEf/edit',
    'https://kemenag.sharepoint.com/:b:/s/zi/EgAbC?e=x1',
    'https://www.dropbox.com/scl/fi/abc123/sk.pdf?rlkey=x&dl=0',
    'https://1drv.ms/b/s!AbCdEf',
    // A path ending in "/" is usually a page; only Apache's sort parameters give a listing away.
    'https://ppid.example.go.id/informasi-berkala/',
    'https://example.go.id/folders/sk.pdf',
  ])('does not flag the document link %s', (url) => {
    expect(checkEvidenceUrl(url)).toEqual([]);
  });
});

describe('links only the owner can open', () => {
  it.each([
    ['http://localhost:8080/sk.pdf', 'privateAddress'],
    ['http://arsip.localhost/sk.pdf', 'privateAddress'],
    ['http://127.0.0.1/sk.pdf', 'privateAddress'],
    ['http://10.1.2.3/sk.pdf', 'privateAddress'],
    ['http://172.20.0.5/sk.pdf', 'privateAddress'],
    ['http://192.168.1.10/lke/sk.pdf', 'privateAddress'],
    ['http://169.254.10.1/', 'privateAddress'],
    ['http://[::1]/sk.pdf', 'privateAddress'],
    ['http://[fd12:3456::1]/sk.pdf', 'privateAddress'],
    ['http://arsip/zi/sk.pdf', 'intranetHost'],
    ['http://server.lan/zi/sk.pdf', 'intranetHost'],
    ['http://nas.local/sk.pdf', 'intranetHost'],
    ['https://drive.google.com/drive/my-drive', 'driveOwnerView'],
    ['https://drive.google.com/drive/u/1/shared-with-me', 'driveOwnerView'],
    ['https://drive.google.com/drive/search?q=sk', 'driveOwnerView'],
    ['https://mail.google.com/mail/u/0/#inbox/FMfcg', 'mailbox'],
    ['https://outlook.office.com/mail/inbox/id/AAQ', 'mailbox'],
    ['https://kemenag-my.sharepoint.com/personal/budi_kemenag_go_id/Documents/SK.pdf', 'personalOneDrive'],
    ['https://www.dropbox.com/home/ZI/SK.pdf', 'dropboxOwnerView'],
    ['https://sim.example.go.id/dok/sk.pdf?PHPSESSID=abc123', 'sessionToken'],
    ['https://sim.example.go.id/dok/sk.pdf;jsessionid=ABC123', 'sessionToken'],
    ['https://api.example.go.id/file?id=3&access_token=eyJ', 'sessionToken'],
    ['https://bucket.s3.amazonaws.com/sk.pdf?X-Amz-Expires=300&X-Amz-Signature=ab', 'expiringLink'],
  ])('flags %s as %s', (url, rule) => {
    expect(checkEvidenceUrl(url)).toEqual([{ kind: 'private', rule }]);
  });

  it.each([
    'https://kemenag-my.sharepoint.com/:b:/g/personal/budi_kemenag_go_id/EAbC?e=1',
    'http://172.32.0.1/sk.pdf',
    'http://192.169.1.1/sk.pdf',
    'http://11.0.0.1/sk.pdf',
    'https://example.go.id/local/sk.pdf',
    'https://drive.google.com/drive/u/0/folders-info',
    'https://example.go.id/search?sidebar=1&session=2026',
    'https://mail.example.go.id/pengumuman.pdf',
  ])('does not flag %s', (url) => {
    expect(checkEvidenceUrl(url)).toEqual([]);
  });

  it('reports each rule once and combines rules of both kinds', () => {
    expect(rulesOf('http://nas.local/zi/?C=N;O=D&sid=1&PHPSESSID=2')).toEqual([
      'intranetHost',
      'directoryListing',
      'sessionToken',
    ]);
  });

  it('judges nothing in text that is not a URL and tolerates a broken escape in the query', () => {
    expect(checkEvidenceUrl('Lemari arsip 3')).toEqual([]);
    expect(rulesOf('https://sim.example.go.id/a?%E0%A4%A=1&sid=2')).toEqual([]);
  });
});

it('has an Indonesian and an English title and explanation for every rule', async () => {
  for (const locale of ['id', 'en']) {
    const keys = new Set((await parseMessagesFile(localeFile(locale))).map((message) => message.key.join('.')));
    for (const { id } of URL_RULES) {
      expect(keys, `${locale}: ${id}`).toContain(`evidence.flag.${id}.title`);
      expect(keys, `${locale}: ${id}`).toContain(`evidence.flag.${id}.explanation`);
    }
  }
});
