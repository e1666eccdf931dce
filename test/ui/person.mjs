// What a person does in the workbench, through the keyboard and the mouse only: no VS Code API, no
// commands with arguments. Each step waits for what a person would wait for on the screen. The waits are
// long because several test runs may share two cores; they end as soon as the screen is ready.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// In remote workspaces Quick Open searches through the extension host, which took minutes to start at a
// load average of 40; on an idle machine each wait ends within seconds. A failing step fails after this.
const PATIENCE_MS = 240_000;

const PARTICIPANT = '@architect ';
/** What VS Code answers in place of the participant when the request has no model. */
const UNAVAILABLE = 'Language model unavailable';

/** Where each step's screenshot is kept, as a test artifact (the README's images are copied from it). */
export const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'out', 'ui-screenshots');

/** A screenshot of the page as a person sees it after a step, under out/ui-screenshots/<name>.png. */
export async function shot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** An element's text as a person reads it: runs of spaces (Monaco draws non-breaking ones) as one. */
async function textOf(locator) {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

/** @param {import('playwright-core').Page} page */
export function person(page) {
  // The chat's own input under the conversation; an earlier request being edited in place has another.
  const chatInput = page.locator('.interactive-session > .interactive-input-part').first();
  const session = page.locator('.interactive-session').first();

  // All of the conversation's text, also what the chat has folded away (a long answer's first lines can
  // sit under a collapsed "Completed N steps" in Agent mode, where a person would unfold them).
  const conversation = async () => (await session.textContent().catch(() => '')) ?? '';

  return {
    /** The workbench has loaded: the Explorer shows the folder's files. */
    async waitForWorkbench() {
      await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: PATIENCE_MS });
    },

    /** Ctrl+P, type the path, Enter on the first match, then wait for its editor tab. */
    async openFile(relativePath) {
      const name = relativePath.split('/').at(-1) ?? relativePath;
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: PATIENCE_MS });
      await page.keyboard.type(relativePath, { delay: 15 });
      await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: PATIENCE_MS });
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: PATIENCE_MS });
    },

    /**
     * Ctrl+P, type what a hint says, Enter on the first match (whatever it is, as a person does), then
     * returns the path the breadcrumbs above the editor show ("src › routes › orders.ts").
     */
    async openFirstMatch(query) {
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: PATIENCE_MS });
      await page.keyboard.type(query, { delay: 15 });
      const name = query.split('/').at(-1) ?? query;
      await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: PATIENCE_MS });
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: PATIENCE_MS });
      const crumbs = page.locator('.breadcrumbs-below-tabs .monaco-breadcrumb-item');
      await crumbs.first().waitFor({ timeout: PATIENCE_MS });
      return (await crumbs.allInnerTexts())
        .map((text) => text.trim())
        .filter(Boolean)
        .join('/');
    },

    /** Ctrl+G, the line number, Enter: the cursor at the start of that line of the active editor. */
    async goToLine(line) {
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+G');
      await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: PATIENCE_MS });
      await page.keyboard.type(String(line), { delay: 15 });
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: PATIENCE_MS });
    },

    /**
     * Clicks into the line that shows `lineText`, presses Ctrl+. (or, when no menu comes, clicks the light
     * bulb in the gutter, as a person would then), and clicks the action whose title starts with `title`.
     */
    async quickFix(lineText, title, { screenshot } = {}) {
      await page.locator('.editor-instance .monaco-editor .view-line', { hasText: lineText }).first().click();
      const action = page.locator('.action-widget .monaco-list-row', { hasText: title }).first();
      await page.keyboard.press('Control+.');
      const shown = await action.waitFor({ timeout: 15_000 }).then(
        () => true,
        () => false,
      );
      if (!shown) {
        await page.keyboard.press('Escape');
        await page.locator('.editor-instance .lightBulbWidget').first().click({ timeout: PATIENCE_MS });
        await action.waitFor({ timeout: PATIENCE_MS });
      }
      if (screenshot) await page.screenshot({ path: screenshot });
      await action.click();
    },

    /** How many squiggles of a kind (`info`, `warning`, `error`) the active editor draws on its visible lines. */
    async squiggles(kind) {
      return page.locator(`.editor-instance .monaco-editor .squiggly-${kind}`).count();
    },

    /** Ctrl+Shift+M (once): the Problems panel; returns its text once it shows something. */
    async problems() {
      const panel = page.locator('.markers-panel');
      if (!(await panel.isVisible().catch(() => false))) await page.keyboard.press('Control+Shift+M');
      await panel.waitFor({ timeout: PATIENCE_MS });
      return textOf(panel);
    },

    /** Waits until the Problems panel's text passes `check`; fails with what it shows. */
    async waitForProblems(check, what) {
      let last = '';
      await until(
        async () => check((last = await this.problems())),
        PATIENCE_MS,
        async () => `the Problems panel never showed ${what}; it shows:\n${last}`,
      );
      return last;
    },

    /** Types at the cursor of the active editor, closes whatever the editor suggested, and saves (Ctrl+S). */
    async typeAndSave(text) {
      await page.keyboard.type(text, { delay: 25 });
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+S');
      await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: PATIENCE_MS });
    },

    /** Right-click in the active editor, then a click on a context-menu item. */
    async rightClickEditor(item) {
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click({ button: 'right' });
      await page.locator('.monaco-menu .action-item', { hasText: item }).first().click({ timeout: PATIENCE_MS });
    },

    /** The whole conversation's text, folded parts included. */
    conversation,

    /** Waits until the conversation holds `mark` more often than `before` did, and has stopped changing. */
    async waitForAnswer(mark, before) {
      const count = (text) => text.split(mark).length - 1;
      let last = '';
      await until(
        async () => {
          const text = await conversation();
          const done = count(text) > count(before) && text === last;
          last = text;
          return done;
        },
        PATIENCE_MS,
        async () => `no new answer with "${mark}" within ${PATIENCE_MS} ms; the chat shows:\n${last}`,
      );
      return last;
    },

    /** The attachment chips of the last request in the conversation. */
    async lastRequestAttachments() {
      const request = page.locator('.interactive-session .interactive-request').last();
      return request.locator('.chat-attached-context-attachment').allInnerTexts();
    },

    /**
     * Ctrl+Alt+I: the chat opens with its input focused. A person presses it only when the chat is not
     * already open: the same keys close a chat that is open and focused (as it is after Review this API).
     */
    async openChat() {
      if (!(await chatInput.isVisible())) await page.keyboard.press('Control+Alt+I');
      await chatInput.waitFor({ timeout: PATIENCE_MS });
    },

    /** The texts under the chat input: the mode ("Agent"), the model ("Fake One" or "Models"), … */
    async inputBarText() {
      return (await chatInput.innerText()).replace(/\s+/g, ' ');
    },

    /** Waits until the chat's input bar shows this text (a model's name, say), as a person would. */
    async waitForInputBar(text) {
      await chatInput.getByText(text, { exact: true }).first().waitFor({ timeout: PATIENCE_MS });
    },

    /**
     * Clicks the model picker under the input, unfolds its "Other Models" group (models other than the
     * current one sit there) and clicks the wanted model. Typing into the picker's search box moves the
     * widget away from its list in this headless window, so a person's clicks are what is reproduced.
     */
    async pickModel(current, wanted) {
      const rows = page.locator('.action-widget .monaco-list-row');
      await chatInput.getByText(current, { exact: true }).first().click();
      await rows.filter({ hasText: 'Other Models' }).first().click({ timeout: PATIENCE_MS });
      await rows.filter({ hasText: wanted }).first().click({ timeout: PATIENCE_MS });
      await this.waitForInputBar(wanted);
    },

    /** Types into the chat input (what was there first is replaced), without sending it. */
    async typeInChat(text) {
      const editor = chatInput.locator('.monaco-editor').first();
      await focus(editor);
      await page.keyboard.press('Control+A');
      await page.keyboard.type(text, { delay: 15 });
    },

    /**
     * Waits until the chat input's suggestion list, filtered by what was typed, shows only rows with
     * this text; returns the rows' texts.
     */
    async waitForSuggestion(text) {
      // The list is an overflow widget of the input's editor, drawn outside the input part.
      const rows = page.locator('.suggest-widget .monaco-list-row');
      const texts = async () => (await rows.allInnerTexts()).map((row) => row.replace(/\s+/g, ' ').trim()).filter((row) => row !== '');
      let polls = 0;
      await until(
        async () => {
          const shown = await texts();
          // A list that closed (the input re-rendered when the model arrived) is asked for again, as a person would.
          if (shown.length === 0 && ++polls % 6 === 0) await page.keyboard.press('Control+Space');
          return shown.length > 0 && shown.every((row) => row.includes(text));
        },
        60_000,
        async () => `the suggestions show ${(await texts()).join(' | ') || 'nothing'}, not only ${text}`,
      );
      return texts();
    },

    /** Ctrl+L in the chat: a new, empty chat, so that the next answer is the only one on screen. */
    async newChat() {
      await focus(chatInput.locator('.monaco-editor').first());
      await page.keyboard.press('Control+L');
      await page.locator('.interactive-session .interactive-request').first().waitFor({ state: 'detached', timeout: PATIENCE_MS });
      // The empty chat is drawn before its new session is ready: a request typed at once can be lost. A
      // person reads the empty chat first.
      await page.waitForTimeout(2_000);
    },

    /**
     * Drags the sash on the chat's left edge by `dx` pixels (negative: wider), as a person makes room for
     * the answer; returns the chat's new width.
     */
    async dragChatEdge(dx) {
      const box = await page.locator('.part.auxiliarybar').first().boundingBox();
      assert.ok(box, 'the chat is not on screen');
      await page.mouse.move(box.x - 1, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x - 1 + dx, box.y + box.height / 2, { steps: 10 });
      await page.mouse.up();
      return (await page.locator('.part.auxiliarybar').first().boundingBox())?.width ?? 0;
    },

    /**
     * The references the last answer lists, as a person reads them: scrolls the conversation up to the
     * top of the answer with the mouse wheel, unfolds "Completed N steps" (Agent mode folds the answer's
     * steps and references under it), then "Used N references", and reads each row's name and folder
     * ("orders.ts src/db"), scrolling within the list when it is longer than its box.
     */
    async answerReferences() {
      const answer = page.locator('.interactive-session .interactive-response.chat-most-recent-response').last();
      const steps = answer.locator('summary.completed-response-summary').first();
      const used = answer.locator('.chat-used-context-label [role="button"]', { hasText: /Used \d+ references?/ }).first();
      await used.waitFor({ state: 'attached', timeout: PATIENCE_MS });
      await scrollConversationToTop(answer);
      if ((await steps.count()) > 0 && (await steps.getAttribute('aria-expanded')) !== 'true') await steps.click();
      if ((await used.getAttribute('aria-expanded')) !== 'true') await used.click();
      const list = answer.locator('.chat-used-context-list .monaco-list').first();
      await list.waitFor({ timeout: PATIENCE_MS });
      const rows = list.locator('.monaco-list-row');
      const seen = new Set();
      const read = async () => {
        // Each row: the file's name, then its folder in a lighter colour ("orders.ts src/db").
        const texts = await rows.evaluateAll((all) =>
          all.map((row) =>
            [...row.querySelectorAll('.label-name, .label-description')].map((part) => part.textContent?.trim() ?? '').join(' '),
          ),
        );
        for (const text of texts) seen.add(text.replace(/\s+/g, ' ').trim());
      };
      await read();
      // The list draws only the rows in its box (Monaco sizes its rows element to all of them).
      const longer = await list.evaluate((node) => {
        const all = node.querySelector('.monaco-list-rows');
        return parseFloat(all?.getAttribute('style')?.match(/(?:^|;)\s*height:\s*([\d.]+)px/)?.[1] ?? '0') > node.clientHeight;
      });
      const box = await list.boundingBox();
      if (longer && box) {
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        let turns = 0;
        for (let before = -1; turns < 20 && seen.size !== before; turns++) {
          before = seen.size;
          await page.mouse.wheel(0, box.height / 2);
          await page.waitForTimeout(300);
          await read();
        }
        // And back up to its first row, as it was unfolded.
        for (let turn = 0; turn < turns + 2; turn++) {
          await page.mouse.wheel(0, -box.height / 2);
          await page.waitForTimeout(150);
        }
      }
      return { label: (await used.innerText()).trim(), rows: [...seen] };
    },

    /**
     * Ctrl+, opens the Settings editor; types the setting's id into its search box and clicks the check
     * box of the row titled `title` ("Context: Related") until it shows `checked`; Ctrl+W closes the
     * Settings editor again.
     */
    async setCheckbox(settingId, title, checked) {
      await page.keyboard.press('Control+,');
      const search = page.locator('.settings-editor .settings-header .monaco-editor').first();
      await search.waitFor({ timeout: PATIENCE_MS });
      await focus(search);
      await page.keyboard.press('Control+A');
      await page.keyboard.type(settingId, { delay: 15 });
      // The row of that setting only: until the search applies, the editor shows every setting.
      const row = page.locator('.settings-editor .setting-item-contents', { hasText: title });
      const box = row.locator('.setting-value-checkbox[role="checkbox"]').first();
      await box.waitFor({ timeout: PATIENCE_MS });
      if ((await box.getAttribute('aria-checked')) !== String(checked)) await box.click();
      await until(
        async () => (await box.getAttribute('aria-checked')) === String(checked),
        30_000,
        async () => `the check box of ${settingId} did not become ${checked}`,
      );
      await page.keyboard.press('Control+W');
      await page.locator('.settings-editor').waitFor({ state: 'detached', timeout: PATIENCE_MS });
    },

    /** Moves the mouse onto the empty part of the Explorer and waits until no hover is drawn. */
    async restTheMouse() {
      const explorer = await page.locator('.explorer-folders-view').first().boundingBox();
      assert.ok(explorer, 'the Explorer is not on screen');
      await page.mouse.move(explorer.x + 20, explorer.y + explorer.height - 10);
      await page.locator('.workbench-hover-container, .monaco-hover:not(.hidden)').first().waitFor({ state: 'hidden', timeout: 30_000 });
    },

    /** Escape, then empties the chat input, as a person who decides not to send. */
    async clearChatInput() {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
    },

    /**
     * Types into the chat input, presses Enter and returns the text of the conversation once an answer
     * has arrived and stopped changing. `answerContains` must be new to the conversation: the chat shows
     * only the rows in view, so the answer is told by what it says, not by the conversation growing.
     */
    async ask(question, { answerContains }) {
      const before = await conversation();
      const editor = chatInput.locator('.monaco-editor').first();
      await focus(editor);
      // After a first request the input keeps "@architect " (the participant is sticky): a person types
      // only the question after it. Retyping the name races the participant suggestions, which can
      // commit "@agent" on the space.
      const sticky = question.startsWith(PARTICIPANT) && (await textOf(editor)).startsWith(PARTICIPANT.trim());
      await page.keyboard.press(sticky ? 'Control+End' : 'Control+A');
      await page.keyboard.type(sticky ? question.slice(PARTICIPANT.length) : question, { delay: 15 });
      // And reads the input before sending it.
      await until(
        async () => (await textOf(editor)).includes(question.slice(PARTICIPANT.length)),
        30_000,
        async () => {
          return `the chat input shows "${await textOf(editor)}", not the question`;
        },
      );
      await page.keyboard.press('Enter');
      const isNew = (mark) => !before.includes(mark);
      let last = '';
      await until(
        async () => {
          const text = await conversation();
          const answered = [...answerContains, UNAVAILABLE].some((mark) => isNew(mark) && text.includes(mark));
          const stable = text === last;
          last = text;
          return answered && stable;
        },
        PATIENCE_MS,
        async () => `no answer within ${PATIENCE_MS} ms; the chat shows:\n${last}`,
      );
      return last;
    },
  };

  /** Clicks into an editor until it has the keyboard focus, as a person checks for the cursor first. */
  async function focus(editor) {
    await editor.click();
    await until(
      async () => {
        if (await editor.evaluate((node) => node.contains(node.ownerDocument.activeElement))) return true;
        await editor.click();
        return false;
      },
      30_000,
      async () => 'the chat input did not take the focus',
    );
  }

  /**
   * Turns the mouse wheel up over the conversation until it stops moving: the top of the last answer is
   * then in view, below the request it answers (a sticky copy of that request covers the top of the list
   * while it is scrolled).
   */
  async function scrollConversationToTop(answer) {
    const conversationBox = await page.locator('.interactive-session .interactive-list').first().boundingBox();
    assert.ok(conversationBox, 'the conversation is not on screen');
    let last;
    for (let turn = 0; turn < 60; turn++) {
      const top = (await answer.boundingBox())?.y;
      if (top !== undefined && top === last) return;
      last = top;
      await page.mouse.move(conversationBox.x + conversationBox.width / 2, conversationBox.y + conversationBox.height / 2);
      await page.mouse.wheel(0, -400);
      await page.waitForTimeout(250);
    }
  }

  /** Polls a condition every half second; fails with the given message after `ms`. */
  async function until(condition, ms, message) {
    const deadline = Date.now() + ms;
    while (!(await condition())) {
      assert.ok(Date.now() < deadline, await message());
      await page.waitForTimeout(500);
    }
  }
}
