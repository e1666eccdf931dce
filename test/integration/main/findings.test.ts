import * as assert from 'assert';
import * as vscode from 'vscode';
import { useFakeModel } from '../helpers/suite';
import { ask, askInAgentMode } from '../helpers/chat';
import { lastRequest } from '../helpers/fake';
import { writeFile } from '../helpers/workspace';

const handler = Array.from({ length: 30 }, (_, index) => `export const line${index + 1} = ${index + 1};`).join('\n');

function findingsReply(findings: unknown[]): string[] {
  return ['The handler has problems.\n\n', '```architect-', 'findings\n', JSON.stringify(findings), '\n```\n'];
}

function architectDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Architect');
}

suite('findings become diagnostics', () => {
  const lm = useFakeModel();
  setup(async () => {
    await vscode.commands.executeCommand('architect.clearFindings');
  });

  test('R32: valid findings land on the right lines with the right severities; invalid ones are dropped', async () => {
    const uri = await writeFile('src/handler.ts', handler);
    lm.fake.behave({
      reply: findingsReply([
        { line: 5, severity: 'critical', rule: 'SEC-2', title: 'SQL injection', fix: 'Use parameters' },
        { line: 10, endLine: 12, severity: 'medium', title: 'No pagination' },
        { line: 20, severity: 'info', title: 'Naming' },
        { line: 999, severity: 'high', title: 'Out of range' },
        { line: 7, severity: 'catastrophic', title: 'Bad severity' },
      ]),
    });
    const result = await ask('@architect /review', { attach: [uri] });
    assert.strictEqual(result.errorDetails, undefined);
    assert.strictEqual(result.metadata?.['findings'], 3);
    const diagnostics = architectDiagnostics(uri).sort((a, b) => a.range.start.line - b.range.start.line);
    assert.deepStrictEqual(
      diagnostics.map((d) => [d.range.start.line, d.range.end.line, d.severity, d.code ?? null, d.message.split('\n')[0]]),
      [
        [4, 4, vscode.DiagnosticSeverity.Error, 'SEC-2', 'SQL injection'],
        [9, 11, vscode.DiagnosticSeverity.Warning, null, 'No pagination'],
        [19, 19, vscode.DiagnosticSeverity.Hint, null, 'Naming'],
      ],
    );
    assert.ok(diagnostics[0]?.message.includes('Fix: Use parameters'));
  });

  test('a follow-up such as "explain #2" sends the numbered list back, one line per finding, linked by workspace-relative paths', async () => {
    const uri = await writeFile('src/numbered.ts', handler);
    lm.fake.behave({
      reply: findingsReply([
        { line: 10, severity: 'low', title: 'Second by severity' },
        { line: 4, severity: 'high', title: 'First by severity' },
      ]),
    });
    await ask('@architect /review', { attach: [uri] });
    lm.fake.behave({ reply: ['About #2: it is minor.'] });
    await ask('@architect explain #2', { continueSession: true });
    const answer = lastRequest(lm.fake).messages.find((message) => message.role === 'assistant')?.text ?? '';
    assert.match(answer, /^1\. 🔴 high · \[src\/numbered\\\.ts:4\]\(src\/numbered\.ts#L4\) · First by severity$/m);
    assert.match(answer, /^2\. 🔵 low · \[src\/numbered\\\.ts:10\]\(src\/numbered\.ts#L10\) · Second by severity$/m);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder && !answer.includes(folder.toString()) && !answer.includes(folder.fsPath), `a disk path went back:\n${answer}`);
  });

  test('grounded findings: only a finding whose evidence is in the code becomes a diagnostic; the answer counts the other', async () => {
    const uri = await writeFile('src/grounded.ts', handler);
    lm.fake.behave({
      reply: findingsReply([
        { line: 5, severity: 'high', title: 'Grounded', evidence: 'export const line5 = 5;', fix: 'Name it' },
        { line: 6, severity: 'medium', title: 'Invented', evidence: "db.query('SELECT * FROM users WHERE id = ' + id)" },
      ]),
    });
    const result = await ask('@architect /review', { attach: [uri] });
    assert.strictEqual(result.errorDetails, undefined);
    assert.strictEqual(result.metadata?.['findings'], 1);
    assert.strictEqual(result.metadata?.['ungrounded'], 1);
    assert.deepStrictEqual(
      architectDiagnostics(uri).map((d) => [d.range.start.line, d.message.split('\n')[0]]),
      [[4, 'Grounded']],
    );
    lm.fake.behave({ reply: ['Noted.'] });
    await ask('@architect why was one left out?', { continueSession: true });
    const answer = lastRequest(lm.fake).messages.find((message) => message.role === 'assistant')?.text ?? '';
    assert.match(answer, /^1\. 🔴 high · \[src\/grounded\\\.ts:5\]\(src\/grounded\.ts#L5\) · Grounded \\$/m);
    assert.match(answer, /^ {3}Fix: Name it$/m);
    assert.ok(answer.includes('1 finding did not match the code and was left out.'), answer);
    assert.ok(!answer.includes('Invented'), answer);
  });

  test('grounded findings in Agent mode, the mode a person gets: the ungrounded one is left out and counted', async () => {
    const uri = await writeFile('src/agentGrounded.ts', handler);
    lm.fake.behave({
      reply: findingsReply([
        { line: 7, severity: 'low', title: 'Seen', evidence: 'export const line7 = 7;' },
        { line: 8, severity: 'high', title: 'Unseen file', file: 'src/elsewhere.ts' },
      ]),
    });
    const result = await askInAgentMode('@architect /review', { attach: [uri] });
    assert.strictEqual(result.metadata?.['findings'], 1);
    assert.strictEqual(result.metadata?.['ungrounded'], 1);
    assert.deepStrictEqual(
      architectDiagnostics(uri).map((d) => [d.range.start.line, d.message]),
      [[6, 'Seen']],
    );
  });

  test('grounded findings: a finding whose lines the model miscounted moves to its evidence', async () => {
    const uri = await writeFile('src/moved.ts', handler);
    lm.fake.behave({
      reply: findingsReply([
        { line: 3, endLine: 4, severity: 'low', title: 'Miscounted', evidence: 'export const line17 = 17;\nexport const line18 = 18;' },
      ]),
    });
    const result = await ask('@architect /review', { attach: [uri] });
    assert.strictEqual(result.metadata?.['findings'], 1);
    assert.strictEqual(result.metadata?.['ungrounded'], 0);
    assert.deepStrictEqual(
      architectDiagnostics(uri).map((d) => [d.range.start.line, d.range.end.line, d.message]),
      [[16, 17, 'Miscounted']],
    );
  });

  test('a new review of a file replaces its findings; another file keeps its own', async () => {
    const first = await writeFile('src/first.ts', handler);
    const second = await writeFile('src/second.ts', handler);
    lm.fake.behave({ reply: findingsReply([{ line: 3, severity: 'high', title: 'First problem' }]) });
    await ask('@architect /review', { attach: [first] });
    lm.fake.behave({ reply: findingsReply([{ line: 4, severity: 'low', title: 'Second file problem' }]) });
    await ask('@architect /review', { attach: [second] });
    lm.fake.behave({ reply: findingsReply([{ line: 8, severity: 'medium', title: 'Re-review' }]) });
    await ask('@architect /review', { attach: [first] });
    assert.deepStrictEqual(
      architectDiagnostics(first).map((d) => d.message),
      ['Re-review'],
    );
    assert.deepStrictEqual(
      architectDiagnostics(second).map((d) => d.message),
      ['Second file problem'],
    );
  });

  test('R32: a missing or malformed findings block never fails the answer and leaves the Problems panel alone', async () => {
    const uri = await writeFile('src/handler.ts', handler);
    lm.fake.behave({ reply: findingsReply([{ line: 2, severity: 'low', title: 'Kept' }]) });
    await ask('@architect /review', { attach: [uri] });
    lm.fake.behave({ reply: ['Looks fine, no block this time.'] });
    const missing = await ask('@architect /review', { attach: [uri] });
    assert.strictEqual(missing.errorDetails, undefined);
    lm.fake.behave({ reply: ['Broken:\n```architect-findings\n{ not json at all\n```\n'] });
    const malformed = await ask('@architect /review', { attach: [uri] });
    assert.strictEqual(malformed.errorDetails, undefined);
    assert.deepStrictEqual(
      architectDiagnostics(uri).map((d) => d.message),
      ['Kept'],
    );
  });

  test('architect.clearFindings clears every finding', async () => {
    const uri = await writeFile('src/handler.ts', handler);
    lm.fake.behave({ reply: findingsReply([{ line: 2, severity: 'low', title: 'To clear' }]) });
    await ask('@architect /security', { attach: [uri] });
    assert.strictEqual(architectDiagnostics(uri).length, 1);
    await vscode.commands.executeCommand('architect.clearFindings');
    assert.strictEqual(architectDiagnostics(uri).length, 0);
  });
});
