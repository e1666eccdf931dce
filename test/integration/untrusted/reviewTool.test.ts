import * as assert from 'assert';
import * as vscode from 'vscode';
import { fakeLm } from '../helpers/fake';
import { invokeReview } from '../helpers/reviewTool';

// Runs before untrusted.test.ts (files load in name order), while the workspace is still in Restricted Mode.
suite('architect_review in Restricted Mode', () => {
  test('an agent gets a result that says the workspace must be trusted, and no model is asked', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'this test must run before trust is granted');
    const fake = await fakeLm();
    fake.reset();
    const text = await invokeReview({ paths: ['src/users.ts'] });
    assert.match(text, /^Architect could not review: the workspace is in Restricted Mode\. Trust it/);
    assert.strictEqual(text.split('\n').length, 1);
    assert.strictEqual(fake.received.length, 0);
  });
});
