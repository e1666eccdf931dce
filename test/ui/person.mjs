// What a person does in the workbench, through the keyboard and the mouse only: no VS Code API, no
// commands with arguments. Each step waits for what a person would wait for on the screen. The waits are
// long because several test runs may share two cores; they end as soon as the screen is ready.
import assert from 'node:assert/strict';

// In remote workspaces Quick Open searches through the extension host, which took 7 minutes to start once
// at a load average of 40; on an idle machine each wait ends within seconds.
const PATIENCE_MS = 480_000;

/** @param {import('playwright-core').Page} page */
export function person(page) {
  const chatInput = page.locator('.interactive-input-part').first();
  const session = page.locator('.interactive-session').first();

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

    /** Ctrl+Alt+I: the chat opens with its input focused. */
    async openChat() {
      await page.keyboard.press('Control+Alt+I');
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
     * Clicks the model picker under the input, types the model's name into its search box (models other
     * than the current one sit in a folded "Other Models" group) and clicks the match.
     */
    async pickModel(current, wanted) {
      await chatInput.getByText(current, { exact: true }).first().click();
      await page.getByPlaceholder('Search models').click({ timeout: PATIENCE_MS });
      await page.keyboard.type(wanted, { delay: 15 });
      await page.locator('.action-widget .monaco-list-row', { hasText: wanted }).first().click({ timeout: PATIENCE_MS });
      await this.waitForInputBar(wanted);
    },

    /**
     * Types into the focused chat input, presses Enter and returns the text of the conversation once an
     * answer has arrived and stopped changing.
     */
    async ask(question, { answerContains }) {
      const before = (await session.innerText().catch(() => '')).length;
      await chatInput.locator('.monaco-editor').first().click();
      // After a first request the input keeps "@architect " (the participant is sticky): type over it.
      await page.keyboard.press('Control+A');
      await page.keyboard.type(question, { delay: 15 });
      await page.keyboard.press('Enter');
      const deadline = Date.now() + PATIENCE_MS;
      let last = '';
      for (;;) {
        const text = await session.innerText();
        const answered = text.length > before && (answerContains.some((mark) => text.includes(mark)) || text.includes('unavailable'));
        if (answered && text === last) return text;
        assert.ok(Date.now() < deadline, `no answer within ${PATIENCE_MS} ms; the chat shows:\n${text}`);
        last = text;
        await page.waitForTimeout(1000);
      }
    },
  };
}
