import { beforeEach, describe, expect, it } from 'vitest';
import type { BoundField } from '@/lib/portal/bind';
import { isWritable, sameText, writeLinks, writeSaved, writeText } from '@/lib/portal/write';

// Writing into bound fields as the page's own framework expects, verified by reading back.

const element = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

/** Every input/change event the page's listeners see, with the value they saw then. */
let seen: string[];
beforeEach(() => {
  seen = [];
  document.body.innerHTML = '';
});

function listen(target: HTMLElement, value: () => string) {
  for (const type of ['input', 'change']) target.addEventListener(type, () => seen.push(`${type}:${value()}`));
}

const field = (kind: BoundField['kind'], selector: string, name: BoundField['field'] = 'narrative'): BoundField => ({
  field: name,
  controls: [element(selector)],
  kind,
});

describe('writeText into a textarea', () => {
  it('sets the value through the native setter and fires bubbling input and change', () => {
    document.body.innerHTML = '<form><textarea id="t">lama</textarea></form>';
    const textarea = element<HTMLTextAreaElement>('#t');
    // React tracks the value with a setter on the instance and ignores an input event when the
    // tracked value equals the current one: the write must go past that setter, as typing does.
    const native = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!;
    let tracked = textarea.value;
    Object.defineProperty(textarea, 'value', {
      configurable: true,
      get: () => native.get!.call(textarea),
      set: (value: string) => {
        tracked = value;
        native.set!.call(textarea, value);
      },
    });
    listen(element('form'), () => `${textarea.value}|tracked:${tracked}`);

    const result = writeText(field('textarea', '#t'), 'Narasi baru\nbaris dua');

    expect(result).toMatchObject({ ok: true, readBack: 'Narasi baru\nbaris dua' });
    expect(seen).toEqual(['input:Narasi baru\nbaris dua|tracked:lama', 'change:Narasi baru\nbaris dua|tracked:lama']);
  });

  it('undoes only while the field still holds what was written', () => {
    document.body.innerHTML = '<textarea id="t">sebelumnya</textarea>';
    const bound = field('textarea', '#t');
    const first = writeText(bound, 'dari ekstensi');
    if (!first.ok) throw new Error('write failed');
    expect(first.undo.holdsWrite()).toBe(true);
    expect(first.undo.undo()).toEqual({ ok: true, readBack: 'sebelumnya' });
    expect(element<HTMLTextAreaElement>('#t').value).toBe('sebelumnya');
    // Undone once: nothing more to undo.
    expect(first.undo.holdsWrite()).toBe(false);

    const second = writeText(bound, 'lagi');
    if (!second.ok) throw new Error('write failed');
    element<HTMLTextAreaElement>('#t').value = 'diketik pengguna';
    expect(second.undo.holdsWrite()).toBe(false);
    expect(second.undo.undo()).toMatchObject({ ok: false, reason: 'mismatch' });
    expect(element<HTMLTextAreaElement>('#t').value).toBe('diketik pengguna');
  });

  it('reports a page that rewrites the value as a mismatch, with what the field holds', () => {
    document.body.innerHTML = '<textarea id="t" maxlength="5"></textarea>';
    const textarea = element<HTMLTextAreaElement>('#t');
    textarea.addEventListener('input', () => (textarea.value = textarea.value.slice(0, 5)));

    const result = writeText(field('textarea', '#t'), 'terlalu panjang');

    expect(result).toMatchObject({ ok: false, reason: 'mismatch', readBack: 'terla' });
    // What was written can still be taken back.
    expect(result.undo?.undo()).toEqual({ ok: true, readBack: '' });
  });
});

describe('writeText into single-line inputs', () => {
  it('turns line breaks into spaces', () => {
    document.body.innerHTML = '<input id="i" type="text">';
    expect(writeText(field('text', '#i'), 'satu\ndua')).toMatchObject({ ok: true, readBack: 'satu dua' });
  });

  it.each([
    ['file', '<input id="i" type="file">'],
    ['password', '<input id="i" type="password">'],
    ['hidden', '<input id="i" type="hidden">'],
    ['disabled', '<input id="i" type="text" disabled>'],
    ['read-only', '<textarea id="i" readonly></textarea>'],
  ])('never writes into a %s control', (_, html) => {
    document.body.innerHTML = html;
    const kind = html.startsWith('<textarea') ? 'textarea' : 'text';
    const bound = field(kind, '#i');
    expect(isWritable(bound)).toBe(false);
    expect(writeText(bound, 'rahasia')).toEqual({ ok: false, reason: 'no_field', readBack: '', undo: null });
    expect((element('#i') as HTMLInputElement).value).not.toBe('rahasia');
  });

  it('never writes an answer field', () => {
    document.body.innerHTML = '<input id="i" type="text">';
    expect(writeText(field('text', '#i', 'answer'), 'A')).toMatchObject({ ok: false, reason: 'no_field' });
  });
});

describe('writeText into a contenteditable editor', () => {
  it('replaces the content with text paragraphs, never parsing the text as HTML', () => {
    document.body.innerHTML = '<div id="e" class="ql-editor" contenteditable="true"><p><b>lama</b></p></div>';
    const editor = element('#e');
    const inputs: string[] = [];
    editor.addEventListener('input', (event) => inputs.push((event as InputEvent).inputType));
    const text = 'Baris <img src=x onerror=alert(1)>\n\nBaris tiga';

    const result = writeText(field('editable', '#e'), text);

    expect(result.ok).toBe(true);
    expect(editor.querySelector('img')).toBeNull();
    expect(Array.from(editor.children, (p) => p.textContent)).toEqual(['Baris <img src=x onerror=alert(1)>', '', 'Baris tiga']);
    expect(inputs.length).toBeGreaterThan(0);
    expect(sameText(result.readBack, text)).toBe(true);
  });

  it('undo puts the former nodes back', () => {
    document.body.innerHTML = '<div id="e" contenteditable="true"><p>Narasi <b>lama</b></p></div>';
    const result = writeText(field('editable', '#e'), 'baru');
    if (!result.ok) throw new Error('write failed');
    expect(result.undo.undo().ok).toBe(true);
    expect(element('#e').querySelector('b')?.textContent).toBe('lama');
  });

  it('does not write into a contenteditable="false" element', () => {
    document.body.innerHTML = '<div id="e" contenteditable="false">tetap</div>';
    expect(writeText(field('editable', '#e'), 'baru')).toMatchObject({ ok: false, reason: 'no_field' });
  });
});

describe('writeLinks', () => {
  const links = ['https://drive.example/sk.pdf', 'https://drive.example/foto?id=1,2'];

  it('puts several links into one input separated by a space', () => {
    document.body.innerHTML = '<input id="i" type="url">';
    expect(writeLinks(field('url', '#i', 'evidence'), links)).toMatchObject({ ok: true, readBack: links.join(' ') });
  });

  it('puts one link per line into a textarea', () => {
    document.body.innerHTML = '<textarea id="t"></textarea>';
    expect(writeLinks(field('textarea', '#t', 'evidence'), links)).toMatchObject({ ok: true, readBack: links.join('\n') });
  });

  it('fills a list of inputs, clicking the page’s add button for more', () => {
    document.body.innerHTML = `
      <div><ul id="l"><li><input type="url" name="bukti[]" value="https://lama.example/x"></li></ul>
      <button type="button" id="hapus">Hapus semua</button><button type="button" id="add">+ Tambah tautan</button></div>`;
    const list = element('#l');
    let clicks = 0;
    element('#add').addEventListener('click', () => {
      clicks++;
      const item = document.createElement('li');
      const input = document.createElement('input');
      input.type = 'url';
      item.append(input);
      list.append(item);
    });
    listen(list, () => Array.from(list.querySelectorAll('input'), (i) => i.value).join('|'));

    const result = writeLinks(field('list', '#l', 'evidence'), links);

    expect(result).toMatchObject({ ok: true, readBack: links.join('\n') });
    expect(clicks).toBe(1);
    expect(seen.at(-1)).toBe(`change:${links.join('|')}`);
    if (!result.ok) throw new Error('write failed');
    expect(result.undo.undo()).toEqual({ ok: true, readBack: 'https://lama.example/x\n' });
  });

  it('keeps links the list already shows and fills only the others', () => {
    document.body.innerHTML = `<ul id="l"><li><a href="${links[0]}">sk.pdf</a></li><li><input type="url"></li></ul>`;
    const result = writeLinks(field('list', '#l', 'evidence'), links);
    expect(result).toMatchObject({ ok: true, readBack: links.join('\n') });
  });

  it('reports no_field when the list cannot get enough inputs', () => {
    document.body.innerHTML = '<ul id="l"><li><input type="url"></li></ul>';
    expect(writeLinks(field('list', '#l', 'evidence'), links)).toMatchObject({ ok: false, reason: 'no_field' });
  });

  it('writeSaved gives a list back the links of a saved text', () => {
    document.body.innerHTML = '<ul id="l"><li><input type="url"></li><li><input type="url"></li></ul>';
    expect(writeSaved(field('list', '#l', 'evidence'), `${links[0]}\n${links[1]}`)).toMatchObject({ ok: true });
    expect(Array.from(document.querySelectorAll('input'), (i) => i.value)).toEqual(links);
  });
});
