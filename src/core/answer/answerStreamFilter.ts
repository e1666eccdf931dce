import { FINDINGS_INFO_STRING } from '../prompt/tasks';
import { closesFence, leadingBlanks, MarkdownSanitizer, openingFence, type Fence } from './markdownLines';
import { LineInProgress } from './lineInProgress';
import { definedOnly } from '../result/definedOnly';

export interface FilteredAnswerEnd {
  /** Text still held back when the stream ended, safe to forward. */
  readonly rest: string;
  /** The content of the last `architect-findings` block, if the model wrote one. */
  readonly findingsBlock?: string;
  /** False when the stream ended inside the findings block (a truncated answer). */
  readonly findingsBlockClosed: boolean;
}

/**
 * Sits between the model and the chat. Text is forwarded as it arrives, except:
 * - the `architect-findings` block, which is held back and returned at the end (docs/ARCHITECTURE.md, findings);
 * - untrusted markdown outside code, which is made inert line by line (RELIABILITY R08, R34).
 * What it forwards, joined, is exactly `sanitizeMarkdown` of the answer without the findings block,
 * however the answer is chunked: the start of a line is forwarded early only when nothing later in the
 * line can change it. Each character is handled a bounded number of times (R33).
 */
export class AnswerStreamFilter {
  readonly #sanitizer = new MarkdownSanitizer();
  #line = new LineInProgress();
  /** After a chunk that ended with CR: what to forward if the next chunk starts with the LF of a CRLF. */
  #lfAfterCr: string | undefined;
  #findings: Fence | undefined;
  #block: string[] = [];
  #lastBlock: string | undefined;

  push(chunk: string): string {
    let out = '';
    let start = 0;
    if (this.#lfAfterCr !== undefined && chunk !== '') {
      if (chunk[0] === '\n') {
        out += this.#lfAfterCr;
        start = 1;
      }
      this.#lfAfterCr = undefined;
    }
    for (let at = start; at < chunk.length; at++) {
      const char = chunk[at];
      if (char !== '\n' && char !== '\r') continue;
      this.#line.append(chunk.slice(start, at));
      const crlf = char === '\r' && chunk[at + 1] === '\n';
      const shown = this.#completeLine();
      out += shown.text + (shown.visible ? (crlf ? '\r\n' : char) : '');
      if (char === '\r' && at + 1 === chunk.length) this.#lfAfterCr = shown.visible ? '\n' : '';
      if (crlf) at++;
      start = at + 1;
    }
    this.#line.append(chunk.slice(start));
    return out + this.#forwardPartial();
  }

  end(): FilteredAnswerEnd {
    const rest = this.#line.length === 0 ? '' : this.#completeLine().text;
    const unclosed = this.#findings !== undefined;
    if (unclosed) this.#lastBlock = this.#block.join('\n');
    this.#findings = undefined;
    return definedOnly({ rest, findingsBlock: this.#lastBlock, findingsBlockClosed: !unclosed });
  }

  #completeLine(): { text: string; visible: boolean } {
    const content = this.#line.content;
    const shown = this.#line.shown;
    this.#line = new LineInProgress();
    if (this.#findings && this.#findingsLine(this.#findings, content)) return { text: '', visible: false };
    if (!this.#sanitizer.insideFence) {
      const fence = openingFence(content);
      if (fence && fence.info.trim() === FINDINGS_INFO_STRING) {
        this.#findings = fence;
        this.#block = [];
        return { text: '', visible: shown > 0 };
      }
    }
    return { text: this.#sanitizer.line(content).output.slice(shown), visible: true };
  }

  /** Takes a line of the findings block; false when the line ends the block and is ordinary markdown. */
  #findingsLine(fence: Fence, content: string): boolean {
    const indent = leadingBlanks(content);
    // A fence opened inside a list item ends with the item: a non-blank line indented less closes it.
    const endsWithItem = fence.indent > 0 && indent < content.length && indent < fence.indent;
    if (endsWithItem || closesFence(fence, content)) {
      this.#lastBlock = this.#block.join('\n');
      this.#block = [];
      this.#findings = undefined;
      return !endsWithItem;
    }
    this.#block.push(content);
    return true;
  }

  /** Forwards the start of the incomplete line when it can no longer change. */
  #forwardPartial(): string {
    if (this.#findings) return '';
    const line = this.#line;
    if (line.first === undefined) return '';
    // A line that starts with a backtick or tilde may be a fence: wait for its end.
    const mode = line.first === '`' || line.first === '~' ? 'wait' : this.#sanitizer.partial(line.first, line.indent);
    if (mode === 'wait') return '';
    return mode === 'code' ? line.takeAll() : line.takeUpToTrigger();
  }
}
