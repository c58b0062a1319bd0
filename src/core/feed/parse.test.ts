import { describe, expect, it } from 'vitest';
import { bodyFromBlocks, bodyFromPlainText, paragraph, textNode } from '../richtext';
import { parseCopyHtml } from './html';
import { parseFeed } from './parse';

const items = (text: string) => {
  const r = parseFeed(text);
  if ('error' in r) throw new Error(r.error);
  return r;
};

const jsonFeed = (entries: object[]) => items(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Feed', items: entries }));

describe('parseFeed: bad input gets one clear line', () => {
  it.each([
    ['', 'The file is empty.'],
    ['  \n\uFEFF ', 'The file is empty.'],
    ['Baku/26.11.26/Turan: plain wire copy', 'This file is not JSON, so it is neither ninjs nor JSON Feed.'],
    ['{"uri": "urn:x:1"}\n{broken', 'Line 2 is not valid JSON; nothing was imported.'],
    ['[\n  {"uri": "urn:x:1",\n   "headline": "Cut', expect.stringMatching(/^This JSON file ends too soon: it looks cut off/)],
    ['[\n  {"uri": "urn:x:1",', expect.stringMatching(/^This JSON file ends too soon/)],
    ['{"uri": "urn:x:1"', expect.stringMatching(/^This JSON file ends too soon/)],
    ['{\n "uri": "urn:x:1",\n "headline": "x" "body_text": "y"\n}', expect.stringMatching(/^This JSON file is broken at line 3: .+\. Nothing was imported\.$/)],
    // A comma before the last brace, or one character too many, is a fault at the end, not a file cut off.
    ['{\n "uri": "urn:x:1",\n "headline": "x",\n}', expect.stringMatching(/^This JSON file is broken at line 4: /)],
    ['[{"uri": "urn:x:1"}],', expect.stringMatching(/^This JSON file is broken at line 1: /)],
    ['{"title": "no uri"}', expect.stringMatching(/^This file is neither ninjs nor JSON Feed/)],
    ['[1, 2, "x"]', expect.stringMatching(/^This file is neither ninjs nor JSON Feed/)],
    ['42', expect.stringMatching(/^This file is neither ninjs nor JSON Feed/)],
    ['{"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": []}', 'This JSON Feed has no items.'],
  ])('%j', (text, error) => {
    expect(parseFeed(text)).toEqual({ error });
  });
});

describe('parseFeed: someone else’s files', () => {
  it('reads a minimal ninjs 3 item with a plain body and a media-topic subject', () => {
    const r = items(
      JSON.stringify({
        uri: 'https://agency.example/item/1',
        headlines: [{ value: 'Quake hits coast' }],
        subjects: [{ name: 'disaster', uri: 'http://cv.iptc.org/newscodes/mediatopic/03000000' }],
        infoSources: [{ name: 'USGS' }],
        bodies: [{ value: 'First line.\n\nSecond line.' }],
        urgency: 2,
        embargoedUntil: '2026-01-01T10:00:00+01:00',
      }),
    );
    expect(r.warnings).toEqual([]);
    expect(r.items[0]!.id).toBeUndefined();
    expect(r.items[0]!.fields).toMatchObject({
      headline: 'Quake hits coast',
      category: 'disaster',
      source: 'USGS',
      urgency: 2,
      embargo: '2026-01-01T10:00+01:00',
      body: bodyFromPlainText('First line.\nSecond line.'),
    });
  });

  it('reads ninjs 2 names, warns on bad urgency and embargo, and skips non-items', () => {
    const r = items(JSON.stringify([{ uri: 'x:1', urgency: 12, embargoed: 'tomorrow', ednote: 'n', pubstatus: 'withheld' }, 'junk']));
    expect(r.items[0]!.fields).toMatchObject({ urgency: 5, embargo: null, subscriberNote: 'n' });
    expect(r.items[0]!.status).toBe('held');
    expect(r.format).toBe('ninjs');
    expect(r.items[0]!.warnings).toEqual(['Urgency 12 is not 1–9; set to 5.', 'Embargo "tomorrow" is not a date and time with a time zone; left out.']);
    expect(r.warnings).toEqual(['Skipped 1 entry that is neither a ninjs item nor a JSON Feed item.']);
  });

  it('reads an HTML body whose content type has parameters or is XHTML (the IPTC documentation sends application/xhtml+xml)', () => {
    const ninjs = (contentType: string) =>
      items(JSON.stringify({ uri: 'x:1', bodies: [{ role: 'main', contentType, value: '<p>Story <b>text</b>.</p>' }] })).items[0]!;
    for (const type of ['text/html; charset=utf-8', 'TEXT/HTML', 'application/xhtml+xml']) {
      expect(ninjs(type).fields.body, type).toEqual(bodyFromBlocks([paragraph([textNode('Story '), textNode('text', 1), textNode('.')])]));
    }
  });

  it('says so when an item has bodies but none Wiredesk reads, rather than importing it empty in silence', () => {
    const r = items(JSON.stringify({ uri: 'x:1', bodies: [{ contentType: 'application/rtf', value: '{\\rtf1 Story}' }] }));
    expect(r.items[0]!.fields.body).toEqual(bodyFromPlainText(''));
    expect(r.items[0]!.warnings).toEqual(['Its story text is application/rtf, which Wiredesk does not read: the body is empty. Copy the text in by hand.']);
  });

  it('takes the story from content_html when the Wiredesk extension has no body (a feed someone edited or built by hand)', () => {
    const r = jsonFeed([
      { id: 'a', title: 'One', content_html: '<p>Story one.</p>', _wiredesk: { slug: 'ONE' } },
      { id: 'b', title: 'Two', content_text: 'Story two.', _wiredesk: { slug: 'TWO', body: 'not a body' } },
    ]);
    expect(r.items.map((i) => [i.fields.slug, i.fields.body])).toEqual([
      ['ONE', bodyFromPlainText('Story one.')],
      ['TWO', bodyFromPlainText('Story two.')],
    ]);
  });

  it('keeps a JSON Feed item’s summary as its body when it has no content, and says when there is no text at all', () => {
    const r = jsonFeed([
      { id: 'a', title: 'Brief', summary: 'The summary is all the text there is.' },
      { id: 'b', title: 'Bare' },
    ]);
    expect(r.items.map((i) => [i.fields.body, i.warnings])).toEqual([
      [bodyFromPlainText('The summary is all the text there is.'), ['It has no content_html or content_text: its summary was made the body.']],
      [bodyFromPlainText(''), ['It has no content_html, content_text or summary: the body is empty.']],
    ]);
  });

  it('reads a JSON Feed 1.0 without the Wiredesk extension', () => {
    const r = items(
      JSON.stringify({
        version: 'https://jsonfeed.org/version/1',
        title: 'Blog',
        items: [{ id: 'p1', title: 'Post', author: { name: 'Ann' }, tags: ['x'], content_html: '<p>Hello <b>you</b></p><p>Two</p>' }],
      }),
    );
    expect(r.format).toBe('jsonfeed');
    expect(r.items[0]!.fields).toMatchObject({
      headline: 'Post',
      byline: 'Ann',
      keywords: ['x'],
      body: bodyFromBlocks([paragraph([textNode('Hello '), textNode('you', 1)]), paragraph([textNode('Two')])]),
    });
  });
});

describe('parseCopyHtml', () => {
  it('takes the dateline and sign-off spans off and decodes entities', () => {
    const p = parseCopyHtml(
      '<p><span class="dateline" data-date="2026-11-26" data-agency="A &amp; B">BAKU —</span> Tom &amp; &quot;Jerry&quot; &#x1F600;&#39; <span class="signoff">---06B---</span></p>',
    );
    expect(p).toEqual({
      body: bodyFromBlocks([paragraph([textNode('Tom & "Jerry" 😀\'')])]),
      dateline: { date: '2026-11-26', agency: 'A & B' },
      signOff: '06B',
    });
  });

  it('drops the paragraphs that only held a span (empty body, or a body that starts or ends with a list)', () => {
    const p = parseCopyHtml('<p><span class="dateline">Baku:</span> </p><ul><li>one</li></ul>\n<p><span class="signoff">---X---</span></p>');
    expect(p.body.root.children.map((b) => b.type)).toEqual(['list']);
    expect(p.signOff).toBe('X');
  });

  it('keeps the text of tags it does not know, and drops scripts with their contents', () => {
    const p = parseCopyHtml('<div><script>alert(1)</script><p>Hi <a href="javascript:alert(1)">there</a><img src=x onerror=y></p></div>');
    expect(p.body).toEqual(bodyFromBlocks([paragraph([textNode('Hi there')])]));
  });

  it('keeps table rows, cells, captions and preformatted text apart instead of gluing their words together', () => {
    const p = parseCopyHtml(
      '<p>Results:</p><table><caption>Group A</caption><tr><th>Team</th><th>Pts</th></tr><tr><td>Real Madrid</td><td>9</td></tr></table>' +
        '<figure><img src="x.jpg"><figcaption>Fans in Baku.</figcaption></figure><pre>\nArsenal 3\nChelsea 1</pre><dl><dt>Venue</dt><dd>Baku</dd></dl>',
    );
    expect(p.body).toEqual(
      bodyFromBlocks(
        ['Results:', 'Group A', 'Team\tPts', 'Real Madrid\t9', 'Fans in Baku.', ['Arsenal 3', 'Chelsea 1'], 'Venue', 'Baku'].map((t) =>
          paragraph(typeof t === 'string' ? [textNode(t)] : [textNode(t[0]!), { type: 'linebreak', version: 1 }, textNode(t[1]!)]),
        ),
      ),
    );
  });

  it('drops style, template, iframe, object and comments with everything inside them', () => {
    const html = [
      '<style>p { color: red }</style>',
      '<p>Baku <!-- internal: do not publish -->talks<script type="text/javascript">var x = "</p><p>";</script> resume.</p>',
      '<template><p>TEMPLATE</p></template><iframe src="x">IFRAME</iframe>',
      '<object data="x"><p>OBJECT</p><embed src="y"></object><noscript>NOSCRIPT</noscript>',
      '<p>Second <b>paragraph</b>.</p>',
    ].join('');
    const p = parseCopyHtml(html);
    expect(p.body).toEqual(
      bodyFromBlocks([paragraph([textNode('Baku talks resume.')]), paragraph([textNode('Second '), textNode('paragraph', 1), textNode('.')])]),
    );
  });

  it('reads 10,000 nested tags without running out of stack, keeping the text', () => {
    const p = parseCopyHtml(`<p>${'<b>'.repeat(10_000)}deep${'</b>'.repeat(10_000)} end</p>`);
    expect(JSON.stringify(p.body)).toContain('deep');
    expect(JSON.stringify(p.body)).toContain(' end');
    // Unclosed, too.
    expect(JSON.stringify(parseCopyHtml(`${'<div><span>'.repeat(20_000)}still here`).body)).toContain('still here');
  });

  it('imports a ninjs item whose text/html body nests 10,000 <b> (a 30 KB file) as one item', () => {
    const value = `<p>${'<b>'.repeat(10_000)}Baku talks${'</b>'.repeat(10_000)}</p><script>steal()</script>`;
    const file = JSON.stringify({ uri: 'urn:x:deep', headlines: [{ role: 'main', value: 'Deep' }], bodies: [{ contenttype: 'text/html', value }] });
    const r = items(file);
    expect(r.items).toHaveLength(1);
    const body = JSON.stringify(r.items[0]!.fields.body);
    expect(body).toContain('Baku talks');
    expect(body).not.toContain('steal');
  });
});
