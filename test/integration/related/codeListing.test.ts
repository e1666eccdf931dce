import * as assert from 'assert';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { CodeListings } from '../../../src/engine/related/codeListing';
import { workspaceFolder } from '../helpers/workspace';
import { eventually } from '../helpers/fake';

suite('related code: the caller search lists the workspace once', () => {
  test('a second gathering takes the kept listing; a file created in the workspace makes the next one list again', async () => {
    let searches = 0;
    const listings = new CodeListings((...args) => {
      searches += 1;
      return vscode.workspace.findFiles(...args);
    });
    const folder = workspaceFolder();
    const pattern = new vscode.RelativePattern(folder, '**/*.py');
    const created = path.join(folder.uri.fsPath, 'pyapp', 'listing_probe.py');
    try {
      const first = await listings.find(pattern, '**/node_modules/**', 400);
      const second = await listings.find(pattern, '**/node_modules/**', 400);
      assert.equal(searches, 1, 'listed again without any file created');
      assert.deepEqual(second.map(String), first.map(String));
      // Another pattern, or other exclusions, is another listing.
      await listings.find(pattern, '{**/node_modules/**,**/db/**}', 400);
      assert.equal(searches, 2);
      writeFileSync(created, 'def listing_probe():\n    return 1\n');
      const relisted = await eventually(
        async () => {
          const uris = await listings.find(pattern, '**/node_modules/**', 400);
          return uris.some((uri) => uri.fsPath === created) ? uris : undefined;
        },
        10_000,
        'the created file in a new listing',
      );
      assert.ok(relisted.length === first.length + 1, `${relisted.length} listed, ${first.length} before`);
      assert.ok(searches >= 3);
    } finally {
      listings.dispose();
      rmSync(created, { force: true });
    }
  });
});
