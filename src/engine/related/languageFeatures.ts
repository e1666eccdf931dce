import * as vscode from 'vscode';
import { type LineRange } from '../../core/findings/shownLines';
import { codeFamilyOf, maskedLines, startsWithAny, type CodeFamily } from '../../core/related/codeText';
import { callerWindow } from '../../core/related/callers';
import { declarationAt, declarationExtent, isAliasStatement, MAX_DECLARATION_LINES } from '../../core/related/declarations';
import { useIdOf, type IdentifierUse } from '../../core/related/identifierUses';
import { insideReviewed, MAX_CALLERS_PER_SYMBOL, WorkBudget } from '../../core/related/rankRelated';
import { type RelatedReason } from '../../core/related/relatedCode';
import { type RelatedFile } from './relatedFiles';
import {
  beforeDeadline,
  gathered,
  keptIn,
  usedAt,
  type GatherContext,
  type Gathered,
  type GatheredSink,
  type ReviewedCode,
} from './relatedWork';

/** Definitions kept per use: a name defined 10,000 times (generated code, overloads) opens three files, not all. */
export const MAX_DEFINITIONS_PER_USE = 3;
/** Uses asked about, per gathering: each is one request to the language server. */
export const MAX_DEFINITION_REQUESTS = 30;
const MAX_TYPE_REQUESTS = 10;
const MAX_CALLER_SYMBOLS = 10;

const { SymbolKind } = vscode;
/** Declaration keywords of a type, when the outline does not say. */
const TYPE_KEYWORDS = new Set(['interface', 'type', 'struct', 'enum']);
const TYPE_KINDS = new Set([SymbolKind.Interface, SymbolKind.Struct, SymbolKind.Enum, SymbolKind.TypeParameter]);
/** Members are shown with what holds them: `order.userId` opens `interface Order`, not one line of it. */
const MEMBER_KINDS = new Set([SymbolKind.Property, SymbolKind.Field, SymbolKind.EnumMember]);
const CONTAINER_KINDS = new Set([SymbolKind.Interface, SymbolKind.Struct, SymbolKind.Enum, SymbolKind.Class]);
const CALLABLE_KINDS = new Set([
  SymbolKind.Function,
  SymbolKind.Method,
  SymbolKind.Variable,
  SymbolKind.Constant,
  SymbolKind.Constructor,
  SymbolKind.Class,
]);

interface Target {
  readonly uri: vscode.Uri;
  readonly range: vscode.Range;
}

/** A declaration in the outline of a file, flattened, with its container. */
interface Outline {
  readonly name: string;
  readonly kind: vscode.SymbolKind;
  readonly range: vscode.Range;
  readonly selectionStart: vscode.Position;
  readonly depth: number;
  readonly parent?: Outline;
}

/** What one gathering asks of the language servers, shared across the files under review. */
interface ServerSearch {
  readonly context: GatherContext;
  readonly sink: GatheredSink;
  /** Each file's outline and masked lines once: several definitions often live in one file. */
  readonly outlines: Map<string, Promise<readonly Outline[]>>;
  readonly masked: Map<string, readonly string[]>;
  /** Requests left in all, and of them for the types of locals. */
  readonly requests: WorkBudget;
  readonly typeRequests: WorkBudget;
}

/**
 * Related code through VS Code's language features: the definition (and for locals the type
 * definition) of each name the reviewed lines use, and the references to what they declare. Each
 * request is raced against the deadline; one that hangs or fails leaves its use to the text search.
 */
export class LanguageServerGatherer {
  readonly #search: ServerSearch;

  constructor(context: GatherContext, sink: GatheredSink) {
    this.#search = {
      context,
      sink,
      outlines: new Map(),
      masked: new Map(),
      requests: new WorkBudget(MAX_DEFINITION_REQUESTS + MAX_TYPE_REQUESTS + MAX_CALLER_SYMBOLS),
      typeRequests: new WorkBudget(MAX_TYPE_REQUESTS),
    };
  }

  /** Puts what it finds into the sink as it finds it, and the uses it answered into `sink.decided`. */
  async gather(code: ReviewedCode): Promise<void> {
    const search = this.#search;
    const keep = (items: readonly Gathered[]) => void search.sink.byServer.push(...items);
    // Names used alone first (calls, types), then members (`res.json`): the server answers in the order asked.
    const asked = code.uses
      .map((use, offset) => ({ use, index: code.firstUseIndex + offset }))
      .sort((a, b) => Number(a.use.qualifier !== undefined) - Number(b.use.qualifier !== undefined))
      .slice(0, MAX_DEFINITION_REQUESTS);
    await Promise.all([
      ...asked.map(({ use, index }) => definitionsOf(search, code, use, index).then(keep)),
      callersOf(search, code).then(keep),
    ]);
  }
}

async function definitionsOf(search: ServerSearch, code: ReviewedCode, use: IdentifierUse, index: number): Promise<Gathered[]> {
  const targets = await locate(search, 'vscode.executeDefinitionProvider', code.uri, use);
  const found: Gathered[] = [];
  let declarations = 0;
  for (const target of targets) {
    if (isReviewed(code, target)) {
      // A local of the reviewed lines: what a reviewer opens is its type (`order` → `interface Order`).
      if (search.typeRequests.take()) found.push(...(await typeOf(search, code, use, index)));
      continue;
    }
    const piece = await pieceAt(search, target, 'definition', use.name);
    // An import or an export list (`module.exports = { generateToken }`) is where the name is passed
    // on, not declared (a server still loading its project answers with the import): the text search
    // follows it to the declaration.
    if (piece && isPassedOn(lineOf(piece.file.text, target.range.start.line))) continue;
    declarations += 1;
    if (piece) found.push(gathered(piece.file, piece.range, { ...piece, usedAt: usedAt(code, use) }, index, useIdOf(use)));
  }
  // Decided once its pieces are in hand (a definition the gate refused decides it too): a deadline
  // that passes while they are read leaves the use to the text search.
  if (declarations > 0) search.sink.decided.add(useIdOf(use));
  return found;
}

async function typeOf(search: ServerSearch, code: ReviewedCode, use: IdentifierUse, index: number): Promise<Gathered[]> {
  const targets = await locate(search, 'vscode.executeTypeDefinitionProvider', code.uri, use);
  const found: Gathered[] = [];
  for (const target of targets) {
    if (isReviewed(code, target)) continue;
    const piece = await pieceAt(search, target, 'type', use.name);
    if (piece) found.push(gathered(piece.file, piece.range, { ...piece, usedAt: usedAt(code, use) }, index, `type:${useIdOf(use)}`));
  }
  return found;
}

/** References to what the reviewed lines declare (a handler's route registration), a few per symbol. */
async function callersOf(search: ServerSearch, code: ReviewedCode): Promise<Gathered[]> {
  const outline = await outlineOf(search, code.uri);
  const declared = outline
    .filter((symbol) => {
      const line = symbol.selectionStart.line + 1;
      return (
        symbol.depth <= 1 &&
        CALLABLE_KINDS.has(symbol.kind) &&
        code.ranges.some((range) => range.startLine <= line && line <= range.endLine)
      );
    })
    .slice(0, MAX_CALLER_SYMBOLS);
  const perSymbol = await Promise.all(declared.map((symbol) => referencesTo(search, code, symbol)));
  return perSymbol.flat();
}

/** A caller is the call or registration and its statement, not the whole function that holds it. */
async function referencesTo(search: ServerSearch, code: ReviewedCode, symbol: Outline): Promise<Gathered[]> {
  const { context } = search;
  if (!search.requests.take()) return [];
  const references = await beforeDeadline(
    () => context.execute<vscode.Location[]>('vscode.executeReferenceProvider', code.uri, symbol.selectionStart),
    context,
  );
  const found: Gathered[] = [];
  for (const reference of (references ?? []).slice(0, 50)) {
    if (found.length >= MAX_CALLERS_PER_SYMBOL) break;
    if (!reference?.uri || !reference.range || isReviewed(code, reference)) continue;
    const file = await context.files.read(reference.uri);
    const line = reference.range.start.line;
    if (!file || isImportLine(lineOf(file.text, line))) continue;
    const family = codeFamilyOf(reference.uri.path) ?? 'braces';
    const range = callerWindow(maskedOf(search, file, family), line + 1, family);
    const piece = { symbol: symbol.name, reason: 'caller' as const, usedAt: symbol.name };
    found.push(gathered(file, range, piece, code.firstUseIndex, `caller:${symbol.name}`));
  }
  return found;
}

/** The places a definition command answers for a use, the first few; none when the answer is not a list or never comes. */
async function locate(search: ServerSearch, command: string, uri: vscode.Uri, use: IdentifierUse): Promise<Target[]> {
  const { context } = search;
  if (!search.requests.take()) return [];
  const position = new vscode.Position(use.line - 1, use.column);
  const answer = await beforeDeadline(() => context.execute<Array<vscode.Location | vscode.LocationLink>>(command, uri, position), context);
  if (!Array.isArray(answer)) return [];
  return answer
    .map(targetOf)
    .filter((target) => target !== undefined)
    .slice(0, MAX_DEFINITIONS_PER_USE);
}

function isReviewed(code: ReviewedCode, target: Target): boolean {
  return insideReviewed(code, target.uri.toString(), target.range.start.line + 1, target.range.end.line + 1);
}

/**
 * The whole declaration at a location: the outline's innermost symbol that holds it (a member lifted
 * to its interface or class), else the extent the text gives.
 */
async function pieceAt(
  search: ServerSearch,
  target: Target,
  kind: 'definition' | 'type',
  symbol: string,
): Promise<{ file: RelatedFile; range: LineRange; symbol: string; reason: RelatedReason } | undefined> {
  const file = await search.context.files.read(target.uri);
  if (!file) return undefined;
  const family = codeFamilyOf(target.uri.path) ?? 'braces';
  const masked = () => maskedOf(search, file, family);
  const holder = innermost(await outlineOf(search, target.uri), target.range.start);
  const lifted = holder?.parent && isMemberOf(holder, holder.parent) ? holder.parent : holder;
  const { startLine, endLine } =
    lifted && lifted.range.end.line > lifted.range.start.line
      ? { startLine: lifted.range.start.line + 1, endLine: lifted.range.end.line + 1 }
      : declarationExtent(masked(), (lifted?.range.start.line ?? target.range.start.line) + 1, family);
  return {
    file,
    range: { startLine, endLine: Math.min(endLine, startLine + MAX_DECLARATION_LINES - 1) },
    symbol: lifted?.name ?? symbol,
    reason: kind === 'type' || isTypeDeclaration(lifted, masked()[startLine - 1] ?? '', family) ? 'type' : 'definition',
  };
}

function maskedOf(search: ServerSearch, file: RelatedFile, family: CodeFamily): readonly string[] {
  return keptIn(search.masked, file.key, () => maskedLines(file.text, family));
}

function outlineOf(search: ServerSearch, uri: vscode.Uri): Promise<readonly Outline[]> {
  const { context } = search;
  return keptIn(search.outlines, uri.toString(), () =>
    beforeDeadline(
      () => context.execute<Array<vscode.DocumentSymbol | vscode.SymbolInformation>>('vscode.executeDocumentSymbolProvider', uri),
      context,
    ).then((symbols) => flatten(Array.isArray(symbols) ? symbols : [])),
  );
}

/** A property of an interface or class, or a method signature of an interface: shown with what holds it. */
function isMemberOf(symbol: Outline, parent: Outline): boolean {
  if (!CONTAINER_KINDS.has(parent.kind)) return false;
  return MEMBER_KINDS.has(symbol.kind) || (symbol.kind === SymbolKind.Method && parent.kind === SymbolKind.Interface);
}

function targetOf(value: vscode.Location | vscode.LocationLink | undefined): Target | undefined {
  if (!value) return undefined;
  if ('targetUri' in value) return { uri: value.targetUri, range: value.targetSelectionRange ?? value.targetRange };
  return value.uri && value.range ? value : undefined;
}

const MAX_OUTLINE_SYMBOLS = 5000;

function flatten(symbols: ReadonlyArray<vscode.DocumentSymbol | vscode.SymbolInformation>): Outline[] {
  const flat: Outline[] = [];
  const visit = (symbol: vscode.DocumentSymbol | vscode.SymbolInformation, depth: number, parent?: Outline) => {
    if (flat.length >= MAX_OUTLINE_SYMBOLS) return;
    const range = 'location' in symbol && symbol.location ? symbol.location.range : (symbol as vscode.DocumentSymbol).range;
    const selection = 'selectionRange' in symbol && symbol.selectionRange ? symbol.selectionRange.start : range.start;
    const outline: Outline = {
      name: symbol.name,
      kind: symbol.kind,
      range,
      selectionStart: selection,
      depth,
      parent,
    };
    flat.push(outline);
    if ('children' in symbol && Array.isArray(symbol.children)) for (const child of symbol.children) visit(child, depth + 1, outline);
  };
  for (const symbol of symbols) visit(symbol, 0);
  return flat;
}

function innermost(outline: readonly Outline[], position: vscode.Position): Outline | undefined {
  let best: Outline | undefined;
  for (const symbol of outline) {
    if (!symbol.range.contains(position)) continue;
    if (!best || best.range.contains(symbol.range)) best = symbol;
  }
  return best;
}

function isTypeDeclaration(symbol: Outline | undefined, maskedLine: string, family: CodeFamily): boolean {
  if (symbol && TYPE_KINDS.has(symbol.kind)) return true;
  return TYPE_KEYWORDS.has(declarationAt(maskedLine, family)?.keyword ?? '');
}

/** Line `line` (0-based) of a text. */
function lineOf(text: string, line: number): string {
  return text.split('\n', line + 1)[line] ?? '';
}

function isPassedOn(line: string): boolean {
  return isImportLine(line) || isAliasStatement(line);
}

function isImportLine(line: string): boolean {
  const content = line.trimStart();
  if (content.includes('require(') && /^(?:const|let|var) /.test(content)) return true;
  return startsWithAny(content, ['import ', 'from ', 'export {', 'export *']);
}
