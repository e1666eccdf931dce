import * as vscode from 'vscode';
import { type LineRange } from '../../core/findings/shownLines';
import { codeFamilyOf, maskedLines, type CodeFamily } from '../../core/related/codeText';
import { callerWindow } from '../../core/related/callers';
import { declarationAt, declarationExtent, isAliasStatement, MAX_DECLARATION_LINES } from '../../core/related/declarations';
import { type IdentifierUse } from '../../core/related/identifierUses';
import { insideReviewed, RELATED_LIMITS } from '../../core/related/rankRelated';
import { type RelatedReason } from '../../core/related/relatedCode';
import { type RelatedFile } from './relatedFiles';
import {
  beforeDeadline,
  gathered,
  useIdOf,
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

const TYPE_KINDS = new Set([
  vscode.SymbolKind.Interface,
  vscode.SymbolKind.Struct,
  vscode.SymbolKind.Enum,
  vscode.SymbolKind.TypeParameter,
]);
/** Members are shown with what holds them: `order.userId` opens `interface Order`, not one line of it. */
const MEMBER_KINDS = new Set([vscode.SymbolKind.Property, vscode.SymbolKind.Field, vscode.SymbolKind.EnumMember]);
const CONTAINER_KINDS = new Set([vscode.SymbolKind.Interface, vscode.SymbolKind.Struct, vscode.SymbolKind.Enum, vscode.SymbolKind.Class]);
const CALLABLE_KINDS = new Set([
  vscode.SymbolKind.Function,
  vscode.SymbolKind.Method,
  vscode.SymbolKind.Variable,
  vscode.SymbolKind.Constant,
  vscode.SymbolKind.Constructor,
  vscode.SymbolKind.Class,
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

/**
 * Related code through VS Code's language features: the definition (and for locals the type
 * definition) of each name the reviewed lines use, and the references to what they declare. Each
 * request is raced against the deadline; one that hangs or fails leaves its use to the text search.
 */
export class LanguageServerGatherer {
  private readonly outlines = new Map<string, Promise<readonly Outline[]>>();
  private readonly masked = new Map<string, readonly string[]>();
  private requests = 0;
  private typeRequests = 0;

  constructor(
    private readonly context: GatherContext,
    private readonly sink: GatheredSink,
  ) {}

  /** Puts what it finds into the sink as it finds it, and the uses it answered into `sink.decided`. */
  async gather(code: ReviewedCode): Promise<void> {
    const keep = (items: readonly Gathered[]) => void this.sink.byServer.push(...items);
    // Names used alone first (calls, types), then members (`res.json`): the server answers in the order asked.
    const asked = code.uses
      .map((use, offset) => ({ use, index: code.firstUseIndex + offset }))
      .sort((a, b) => Number(a.use.qualifier !== undefined) - Number(b.use.qualifier !== undefined))
      .slice(0, MAX_DEFINITION_REQUESTS);
    await Promise.all([...asked.map(({ use, index }) => this.definitionsOf(code, use, index).then(keep)), this.callersOf(code).then(keep)]);
  }

  private async definitionsOf(code: ReviewedCode, use: IdentifierUse, index: number): Promise<Gathered[]> {
    const targets = await this.locate('vscode.executeDefinitionProvider', code.uri, use);
    if (targets === undefined || targets.length === 0) return [];
    const found: Gathered[] = [];
    let declarations = 0;
    for (const target of targets.slice(0, MAX_DEFINITIONS_PER_USE)) {
      if (this.isReviewed(code, target)) {
        // A local of the reviewed lines: what a reviewer opens is its type (`order` → `interface Order`).
        if (this.typeRequests < MAX_TYPE_REQUESTS) {
          this.typeRequests += 1;
          found.push(...(await this.typeOf(code, use, index)));
        }
        continue;
      }
      const piece = await this.pieceAt(target, { kind: 'definition', symbol: use.name });
      // An import or an export list (`module.exports = { generateToken }`) is where the name is passed
      // on, not declared (a server still loading its project answers with the import): the text search
      // follows it to the declaration.
      if (piece && isPassedOn(piece.file.text, target.range.start.line)) continue;
      declarations += 1;
      if (piece)
        found.push(
          gathered(piece.file, piece.range, { symbol: piece.symbol, reason: piece.reason, usedAt: usedAt(code, use) }, index, useIdOf(use)),
        );
    }
    // Decided once its pieces are in hand (a definition the gate refused decides it too): a deadline
    // that passes while they are read leaves the use to the text search.
    if (declarations > 0) this.sink.decided.add(useIdOf(use));
    return found;
  }

  private async typeOf(code: ReviewedCode, use: IdentifierUse, index: number): Promise<Gathered[]> {
    const targets = await this.locate('vscode.executeTypeDefinitionProvider', code.uri, use);
    const found: Gathered[] = [];
    for (const target of (targets ?? []).slice(0, MAX_DEFINITIONS_PER_USE)) {
      if (this.isReviewed(code, target)) continue;
      const piece = await this.pieceAt(target, { kind: 'type', symbol: use.name });
      if (piece)
        found.push(
          gathered(
            piece.file,
            piece.range,
            { symbol: piece.symbol, reason: 'type', usedAt: usedAt(code, use) },
            index,
            `type:${useIdOf(use)}`,
          ),
        );
    }
    return found;
  }

  /** References to what the reviewed lines declare (a handler's route registration), a few per symbol. */
  private async callersOf(code: ReviewedCode): Promise<Gathered[]> {
    const outline = await this.outline(code.uri);
    const declared = outline
      .filter((symbol) => symbol.depth <= 1 && CALLABLE_KINDS.has(symbol.kind))
      .filter((symbol) =>
        code.ranges.some((range) => range.startLine <= symbol.selectionStart.line + 1 && symbol.selectionStart.line + 1 <= range.endLine),
      )
      .slice(0, MAX_CALLER_SYMBOLS);
    const perSymbol = await Promise.all(declared.map((symbol) => this.referencesTo(code, symbol)));
    return perSymbol.flat();
  }

  private async referencesTo(code: ReviewedCode, symbol: Outline): Promise<Gathered[]> {
    if (!this.spendRequest()) return [];
    const references = await beforeDeadline(
      () => this.context.execute<vscode.Location[]>('vscode.executeReferenceProvider', code.uri, symbol.selectionStart),
      this.context,
    );
    const found: Gathered[] = [];
    for (const reference of (references ?? []).slice(0, 50)) {
      if (found.length >= RELATED_LIMITS.callersPerSymbol) break;
      if (!reference?.uri || !reference.range) continue;
      if (this.isReviewed(code, { uri: reference.uri, range: reference.range })) continue;
      const piece = await this.pieceAt({ uri: reference.uri, range: reference.range }, { kind: 'caller', symbol: symbol.name });
      if (piece && !isImportLine(piece.file.text, reference.range.start.line))
        found.push(
          gathered(
            piece.file,
            piece.range,
            { symbol: symbol.name, reason: 'caller', usedAt: symbol.name },
            code.firstUseIndex,
            `caller:${symbol.name}`,
          ),
        );
    }
    return found;
  }

  private async locate(command: string, uri: vscode.Uri, use: IdentifierUse): Promise<Target[] | undefined> {
    if (!this.spendRequest()) return undefined;
    const position = new vscode.Position(use.line - 1, use.column);
    const answer = await beforeDeadline(
      () => this.context.execute<Array<vscode.Location | vscode.LocationLink>>(command, uri, position),
      this.context,
    );
    if (!Array.isArray(answer)) return undefined;
    return answer.map(targetOf).filter((target) => target !== undefined);
  }

  private spendRequest(): boolean {
    this.requests += 1;
    return this.requests <= MAX_DEFINITION_REQUESTS + MAX_TYPE_REQUESTS + MAX_CALLER_SYMBOLS;
  }

  private isReviewed(code: ReviewedCode, target: Target): boolean {
    const reviewed = new Map([[code.key, code.ranges]]);
    return insideReviewed(reviewed, target.uri.toString(), target.range.start.line + 1, target.range.end.line + 1);
  }

  /**
   * The whole declaration at a location: the outline's innermost symbol that holds it (a member lifted
   * to its interface or class), else the extent the text gives. A caller is a short window around the
   * reference.
   */
  private async pieceAt(
    target: Target,
    wanted: { readonly kind: RelatedReason; readonly symbol: string },
  ): Promise<{ file: RelatedFile; range: LineRange; symbol: string; reason: RelatedReason } | undefined> {
    const file = await this.context.files.read(target.uri);
    if (!file) return undefined;
    const family = codeFamilyOf(target.uri.path) ?? 'braces';
    if (wanted.kind === 'caller') {
      // The call or registration and its statement, not the whole function that holds it.
      const window = callerWindow(this.maskedOf(file, family), target.range.start.line + 1, family);
      return { file, range: window, symbol: wanted.symbol, reason: 'caller' };
    }
    const holder = innermost(await this.outline(target.uri), target.range.start);
    const lifted = holder?.parent && isMemberOf(holder, holder.parent) ? holder.parent : holder;
    let range: LineRange;
    if (lifted && lifted.range.end.line > lifted.range.start.line)
      range = { startLine: lifted.range.start.line + 1, endLine: lifted.range.end.line + 1 };
    else range = declarationExtent(this.maskedOf(file, family), (lifted?.range.start.line ?? target.range.start.line) + 1, family);
    range = { startLine: range.startLine, endLine: Math.min(range.endLine, range.startLine + MAX_DECLARATION_LINES - 1) };
    return {
      file,
      range,
      symbol: lifted?.name ?? wanted.symbol,
      reason:
        wanted.kind === 'type' || isTypeDeclaration(lifted, this.maskedOf(file, family)[range.startLine - 1] ?? '', family)
          ? 'type'
          : 'definition',
    };
  }

  /** Each file's masked lines once: several definitions often live in one file. */
  private maskedOf(file: RelatedFile, family: CodeFamily): readonly string[] {
    let lines = this.masked.get(file.key);
    if (!lines) {
      lines = maskedLines(file.text, family);
      this.masked.set(file.key, lines);
    }
    return lines;
  }

  private outline(uri: vscode.Uri): Promise<readonly Outline[]> {
    const key = uri.toString();
    let pending = this.outlines.get(key);
    if (!pending) {
      pending = beforeDeadline(
        () => this.context.execute<Array<vscode.DocumentSymbol | vscode.SymbolInformation>>('vscode.executeDocumentSymbolProvider', uri),
        this.context,
      ).then((symbols) => flatten(Array.isArray(symbols) ? symbols : []));
      this.outlines.set(key, pending);
    }
    return pending;
  }
}

/** A property of an interface or class, or a method signature of an interface: shown with what holds it. */
function isMemberOf(symbol: Outline, parent: Outline): boolean {
  if (!CONTAINER_KINDS.has(parent.kind)) return false;
  return MEMBER_KINDS.has(symbol.kind) || (symbol.kind === vscode.SymbolKind.Method && parent.kind === vscode.SymbolKind.Interface);
}

function targetOf(value: vscode.Location | vscode.LocationLink | undefined): Target | undefined {
  if (!value) return undefined;
  if ('targetUri' in value) return { uri: value.targetUri, range: value.targetSelectionRange ?? value.targetRange };
  return value.uri && value.range ? { uri: value.uri, range: value.range } : undefined;
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
      ...(parent ? { parent } : {}),
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
  const keyword = declarationAt(maskedLine, family)?.keyword;
  return keyword === 'interface' || keyword === 'type' || keyword === 'struct' || keyword === 'enum';
}

function isPassedOn(text: string, line: number): boolean {
  return isImportLine(text, line) || isAliasStatement(text.split('\n', line + 1)[line] ?? '');
}

function isImportLine(text: string, line: number): boolean {
  const content = (text.split('\n', line + 1)[line] ?? '').trimStart();
  if (content.includes('require(') && /^(?:const|let|var) /.test(content)) return true;
  return content.startsWith('import ') || content.startsWith('from ') || content.startsWith('export {') || content.startsWith('export *');
}
