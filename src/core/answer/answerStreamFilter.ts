import { FINDINGS_INFO_STRING } from '../prompt/tasks';
import { sanitizeLine, SANITIZER_TRIGGERS } from './sanitizeMarkdown';

const FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;

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
 * - untrusted markdown outside code, which is made inert line by line (RELIABILITY R08).
 * A line's start is forwarded before the line is complete when nothing in it can still change meaning;
 * lines that may open or close a fence wait for their end.
 */
export class AnswerStreamFilter {
  private line = '';
  private forwardedOfLine = 0;
  private fence: { readonly char: string; readonly length: number; readonly indent: number; readonly findings: boolean } | undefined;
  private block: string[] = [];
  private lastBlock: string | undefined;

  push(chunk: string): string {
    let out = '';
    let text = chunk;
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n')) {
      this.line += text.slice(0, newline);
      text = text.slice(newline + 1);
      out += this.completeLine();
    }
    this.line += text;
    return out + this.forwardPartial();
  }

  end(): FilteredAnswerEnd {
    const rest = this.line === '' ? '' : this.completeLine(false);
    const unclosed = this.fence?.findings === true;
    if (unclosed) this.lastBlock = this.block.join('\n');
    this.fence = undefined;
    return {
      rest,
      ...(this.lastBlock === undefined ? {} : { findingsBlock: this.lastBlock }),
      findingsBlockClosed: !unclosed,
    };
  }

  private completeLine(withNewline = true): string {
    const line = this.line;
    const already = this.forwardedOfLine;
    this.line = '';
    this.forwardedOfLine = 0;
    const newline = withNewline ? '\n' : '';
    const fence = FENCE.exec(line);
    const marker = fence?.[2];
    const info = (fence?.[3] ?? '').trim();

    // A fence opened inside a list item ends with the item: a non-blank line indented less than the
    // opening fence closes it, and that line is ordinary (sanitized) markdown again.
    if (this.fence && this.fence.indent > 0 && line.trim() !== '' && line.length - line.trimStart().length < this.fence.indent) {
      if (this.fence.findings) this.lastBlock = this.block.join('\n');
      this.fence = undefined;
    }
    if (this.fence) {
      const closes = marker !== undefined && marker[0] === this.fence.char && marker.length >= this.fence.length && info === '';
      if (this.fence.findings) {
        if (closes) {
          this.lastBlock = this.block.join('\n');
          this.block = [];
          this.fence = undefined;
        } else this.block.push(line);
        return '';
      }
      if (closes) this.fence = undefined;
      return line.slice(already) + newline;
    }
    // A backtick fence's info string cannot contain backticks; such a line is not a fence.
    if (marker !== undefined && !(marker[0] === '`' && info.includes('`'))) {
      const findings = info === FINDINGS_INFO_STRING;
      this.fence = { char: marker[0] ?? '`', length: marker.length, indent: fence?.[1]?.length ?? 0, findings };
      if (findings) {
        this.block = [];
        return already > 0 ? newline : '';
      }
      return line.slice(already) + newline;
    }
    return sanitizeLine(line).slice(already) + newline;
  }

  /** Forwards the start of the incomplete line when it can no longer change meaning. */
  private forwardPartial(): string {
    if (this.fence?.findings) return '';
    const trimmed = this.line.trimStart();
    // It could still become a fence line (opening, or closing the current block): wait for its end.
    if (trimmed === '' || trimmed[0] === '`' || trimmed[0] === '~') return '';
    let safeEnd = this.line.length;
    if (!this.fence) {
      const trigger = SANITIZER_TRIGGERS.exec(this.line.slice(this.forwardedOfLine));
      if (trigger) safeEnd = this.forwardedOfLine + trigger.index;
    }
    if (safeEnd <= this.forwardedOfLine) return '';
    const out = this.line.slice(this.forwardedOfLine, safeEnd);
    this.forwardedOfLine = safeEnd;
    return out;
  }
}
