// `#architectReview` in the chat input, typed like a person: the chat offers Architect's review tool
// by its reference name. Runs after firstRun.ui.mjs, on the same page, with the chat already open.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { person } from './person.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** @type {Array<{ title: string, run: (page: import('playwright-core').Page) => Promise<void> }>} */
export const tests = [
  {
    title: 'typing #architectRev in the chat input offers the architectReview tool',
    async run(page) {
      const you = person(page);
      await you.waitForWorkbench();
      await you.openFile('src/routes/orders.ts');
      await you.openChat();
      // Agent mode, whichever model an earlier test picked.
      await you.waitForInputBar('Agent');
      await you.typeInChat('#architectRev');
      const offered = await you.waitForSuggestion('architectReview');
      assert.ok(
        offered.some((row) => row.startsWith('#architectReview')),
        `the suggestions were: ${offered.join(' | ')}`,
      );
      // Kept for the README: what a person sees when referencing the tool.
      const shot = path.join(root, 'out', 'ui', 'architect-review-reference.png');
      mkdirSync(path.dirname(shot), { recursive: true });
      await page.screenshot({ path: shot });
      if (process.env.ARCHITECT_UPDATE_DOC_IMAGES === '1')
        copyFileSync(shot, path.join(root, 'docs', 'images', 'agent-tool-reference.png'));
      await you.clearChatInput();
    },
  },
];
