import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { maskedLines, MAX_SCANNED_LINES, scanWindow, type CodeFamily } from '../../../src/core/related/codeText';
import { declarationAt, declarationExtent, findDeclarations, MAX_DECLARATIONS_PER_NAME } from '../../../src/core/related/declarations';
import { identifierUses } from '../../../src/core/related/identifierUses';
import { goModulePath, parseImports } from '../../../src/core/related/imports';
import { importTarget, joinPath } from '../../../src/core/related/resolveImport';
import { rankRelated, WorkBudget, type FoundRelated } from '../../../src/core/related/rankRelated';
import { excludeGlob } from '../../../src/core/related/searchGlob';
import { type RelatedCandidate, type RelatedReason } from '../../../src/core/related/relatedCode';

const ROUTES = `import { createOrder, getOrder, listOrdersForUser, searchOrders, type NewOrderItem } from '../db/orders';
import { type Handler } from '../http/router';

export const list: Handler = async (req, res) => {
  const orders = await listOrdersForUser(req.userId!);
  res.json({ orders, count: orders.length });
};

export const search: Handler = async (req, res) => {
  const status = req.query.get('status') ?? 'pending'; // searchOrders(x) in a comment
  res.json({ orders: await searchOrders(req.userId!, status) });
};
`;

describe('related code: names the reviewed lines use', () => {
  test('calls and types are found in reading order; keywords, built-ins, keys and locals are not', () => {
    const { uses, declared } = identifierUses(ROUTES, 'script', [{ startLine: 4, endLine: 11 }]);
    const names = uses.filter((use) => use.qualifier === undefined).map((use) => use.name);
    assert.deepEqual(names.slice(0, 4), ['Handler', 'req', 'res', 'listOrdersForUser']);
    assert.ok(names.includes('searchOrders'));
    assert.ok(!names.includes('orders'), 'a local declared in the lines is not looked up');
    assert.ok(!names.includes('count'), 'an object key is not a use');
    assert.ok(!names.includes('const') && !names.includes('await'));
    assert.ok(declared.has('orders') && declared.has('status'));
    const search = uses.find((use) => use.name === 'searchOrders');
    assert.deepEqual([search?.line, search?.column], [11, 27], 'the code use, not the one in the comment');
  });

  test('a member use keeps the name before its dot', () => {
    const { uses } = identifierUses('router.get("/orders", requireAuth, orders.list);\n', 'script', [{ startLine: 1, endLine: 1 }]);
    assert.ok(uses.some((use) => use.qualifier === 'orders' && use.name === 'list'));
    assert.ok(uses.some((use) => use.qualifier === undefined && use.name === 'requireAuth'));
  });

  test('Python: strings and comments are not code; `if x:` is a use', () => {
    const text =
      'def handler(req):\n    # find_orders here is a comment\n    s = "find_orders"\n    if is_admin(req):\n        return find_orders(req.user)\n';
    const names = identifierUses(text, 'python', [{ startLine: 1, endLine: 5 }]).uses.map((use) => use.name);
    assert.ok(names.includes('find_orders') && names.includes('is_admin'));
    const first = identifierUses(text, 'python', [{ startLine: 1, endLine: 5 }]).uses.find((use) => use.name === 'find_orders');
    assert.equal(first?.line, 5);
  });

  test('a multi-line template literal or block comment hides its content from the scanner', () => {
    const lines = maskedLines('const a = `x\nfindOrders()\n` + b; /* c\nhidden()\n*/ d()', 'script');
    assert.equal(lines[1]?.trim(), '');
    assert.equal(lines[3]?.trim(), '');
    assert.ok(lines[4]?.includes('d()'));
  });
});

describe('related code: declarations and their extent', () => {
  test('declaration lines of each language', () => {
    const cases: Array<[string, CodeFamily, string | undefined]> = [
      ['export async function searchOrders(userId: number) {', 'script', 'searchOrders'],
      ['export const list: Handler = async (req, res) => {', 'script', 'list'],
      ['export interface Order {', 'script', 'Order'],
      ['export type OrderStatus = "a" | "b";', 'script', 'OrderStatus'],
      ['export class UnknownProductError extends Error {}', 'script', 'UnknownProductError'],
      ['  private add(method: string): this {', 'script', 'add'],
      ['  if (x) {', 'script', undefined],
      ['async def find_orders(user_id):', 'python', 'find_orders'],
      ['class OrderRepo(Base):', 'python', 'OrderRepo'],
      ['PAGE_SIZE = 50', 'python', 'PAGE_SIZE'],
      ['    x = 1', 'python', undefined],
      ['func (r *Repo) ListOrders(ctx context.Context) ([]Order, error) {', 'go', 'ListOrders'],
      ['func ListOrders() {', 'go', 'ListOrders'],
      ['type Order struct {', 'go', 'Order'],
    ];
    for (const [line, family, name] of cases) assert.equal(declarationAt(line, family)?.name, name, line);
  });

  test('C-like extent: to the closing brace, or the semicolon at depth 0', () => {
    const text = [
      'export async function f(a: number): Promise<void> {', // 1
      '  const s = "}"; // }', // 2
      '  if (a) {', // 3
      '    return;', // 4
      '  }', // 5
      '}', // 6
      'export type T =', // 7
      "  | 'a'", // 8
      "  | 'b';", // 9
      'export const g = 1', // 10
      'const h = 2', // 11
    ].join('\n');
    const lines = maskedLines(text, 'script');
    assert.deepEqual(declarationExtent(lines, 1, 'script'), { startLine: 1, endLine: 6 });
    assert.deepEqual(declarationExtent(lines, 7, 'script'), { startLine: 7, endLine: 9 });
    assert.deepEqual(declarationExtent(lines, 10, 'script'), { startLine: 10, endLine: 10 });
  });

  test('Python extent: as far as the body is indented, a multi-line signature included', () => {
    const text = ['def f(a,', '      b):', '    x = 1', '', '    return x', 'def g():', '    pass'].join('\n');
    const lines = maskedLines(text, 'python');
    assert.deepEqual(declarationExtent(lines, 1, 'python'), { startLine: 1, endLine: 5 });
    assert.deepEqual(declarationExtent(lines, 6, 'python'), { startLine: 6, endLine: 7 });
  });

  test('Go extent: a struct and a function', () => {
    const text = ['type Order struct {', '\tID int', '}', '', 'func List() []Order {', '\treturn nil', '}'].join('\n');
    assert.deepEqual(
      findDeclarations(text, 'go', new Set(['Order', 'List'])).map((found) => [found.name, found.startLine, found.endLine]),
      [
        ['Order', 1, 3],
        ['List', 5, 7],
      ],
    );
  });

  test('R64: a name declared 10,000 times: a few are kept, and the work is one pass over the file', () => {
    const text = Array.from({ length: 10_000 }, (_, index) => `function render() { return ${index}; }`).join('\n');
    const found = findDeclarations(text, 'script', new Set(['render']));
    assert.equal(found.length, MAX_DECLARATIONS_PER_NAME);
    // Every declaration's extent is one line, so only the kept ones cost more than the scan.
    assert.ok(found.every((item) => item.endLine === item.startLine));
  });
});

describe('related code: imports resolved to workspace files', () => {
  test('TS/JS: named, type-only, namespace, default, require, re-exports; relative paths with extension and index candidates', () => {
    const text = [
      "import { createOrder, getOrder as fetchOrder, type NewOrderItem } from '../db/orders';",
      "import * as orders from './routes/orders.js';",
      "import pool from './db/pool';",
      'import {',
      '  withTransaction,',
      "} from '../db/pool';",
      "const { query } = require('./db/query');",
      "export * from './types';",
      "import express from 'express';",
    ].join('\n');
    const imports = parseImports(text, 'script');
    assert.deepEqual(
      imports.map((binding) => binding.specifier),
      ['../db/orders', './routes/orders.js', './db/pool', '../db/pool', './db/query', './types', 'express'],
    );
    assert.deepEqual(imports[0]?.names, [
      { imported: 'createOrder', local: 'createOrder' },
      { imported: 'getOrder', local: 'fetchOrder' },
      { imported: 'NewOrderItem', local: 'NewOrderItem' },
    ]);
    assert.equal(imports[1]?.namespace, 'orders');
    assert.equal(imports[2]?.namespace, 'pool');
    assert.deepEqual(imports[3]?.names, [{ imported: 'withTransaction', local: 'withTransaction' }]);
    assert.deepEqual(imports[4]?.names, [{ imported: 'query', local: 'query' }]);
    assert.equal(imports[5]?.reexportsAll, true);

    const target = importTarget(nth(imports, 0), 'script', { importer: 'src/routes/orders.ts' });
    assert.deepEqual(target?.files.slice(0, 2), ['src/db/orders.ts', 'src/db/orders.tsx']);
    assert.ok(target?.files.includes('src/db/orders/index.ts'));
    const esm = importTarget(nth(imports, 1), 'script', { importer: 'src/server.ts' });
    assert.deepEqual(esm?.files, ['src/routes/orders.ts', 'src/routes/orders.tsx', 'src/routes/orders.js']);
    assert.equal(importTarget(nth(imports, 6), 'script', { importer: 'src/server.ts' }), undefined, 'a package is never read');
    assert.equal(importTarget({ specifier: '../../../x', names: [] }, 'script', { importer: 'src/a.ts' }), undefined, 'no climbing out');
  });

  test('R43: an import holding glob syntax never becomes a file search', () => {
    const hostile = [`@/{a,{b,{c,{d}}}}${'*?'.repeat(10)}#`, `${'*?'.repeat(10)}{a,{b,{c}}}`, 'src/[a-z]*/x'];
    for (const specifier of hostile) {
      assert.equal(importTarget({ specifier, names: [] }, 'script', { importer: 'src/a.ts' }), undefined, specifier);
      assert.equal(importTarget({ specifier, names: [] }, 'python', { importer: 'app/a.py' }), undefined, specifier);
    }
  });

  test('Python: from x.y import z, from .m import z, from . import m, import x.y as z', () => {
    const text = [
      'from app.db.orders import find_orders, OrderRow as Row',
      'from .models import (',
      '    Order,',
      '    Item,',
      ')',
      'from . import helpers',
      'import app.config as cfg',
      'import os.path',
    ].join('\n');
    const imports = parseImports(text, 'python');
    assert.deepEqual(
      imports.map((binding) => binding.specifier),
      ['app.db.orders', '.models', '.', 'app.config', 'os.path'],
    );
    assert.deepEqual(imports[0]?.names[1], { imported: 'OrderRow', local: 'Row' });
    assert.deepEqual(
      imports[1]?.names.map((name) => name.imported),
      ['Order', 'Item'],
    );
    assert.equal(imports[3]?.namespace, 'cfg');
    assert.equal(imports[4]?.namespace, 'path');
    const absolute = importTarget(nth(imports, 0), 'python', { importer: 'pyapp/app/routes/orders.py' });
    assert.ok(absolute?.files.includes('pyapp/app/db/orders.py'), JSON.stringify(absolute?.files));
    assert.ok(absolute?.files.includes('pyapp/app/db/orders/__init__.py'));
    const relative = importTarget(nth(imports, 1), 'python', { importer: 'pyapp/app/routes/orders.py' });
    assert.deepEqual(relative?.files.slice(0, 2), ['pyapp/app/routes/models.py', 'pyapp/app/routes/models/__init__.py']);
    const sibling = importTarget(nth(imports, 2), 'python', { importer: 'pyapp/app/routes/orders.py' });
    assert.deepEqual(sibling?.files, ['pyapp/app/routes/helpers.py']);
  });

  test('Go: imports inside the module lead to a package folder; others lead nowhere', () => {
    const text = [
      'package routes',
      '',
      'import (',
      '\t"fmt"',
      '\t"example.com/shop/store"',
      '\tdb "example.com/shop/internal/db"',
      ')',
      '',
      'func X() {}',
    ].join('\n');
    const imports = parseImports(text, 'go');
    assert.deepEqual(
      imports.map((binding) => [binding.specifier, binding.namespace]),
      [
        ['fmt', 'fmt'],
        ['example.com/shop/store', 'store'],
        ['example.com/shop/internal/db', 'db'],
      ],
    );
    const goModule = { directory: 'goapp', path: goModulePath('module example.com/shop\n\ngo 1.22\n') ?? '' };
    assert.equal(goModule.path, 'example.com/shop');
    assert.equal(importTarget(nth(imports, 0), 'go', { importer: 'goapp/routes/orders.go', goModule }), undefined);
    assert.deepEqual(importTarget(nth(imports, 1), 'go', { importer: 'goapp/routes/orders.go', goModule }), {
      files: [],
      directory: 'goapp/store',
    });
  });

  test('joinPath stays inside the workspace folder', () => {
    assert.equal(joinPath('src/routes', '../db/orders'), 'src/db/orders');
    assert.equal(joinPath('src', '../../etc/passwd'), undefined);
  });
});

function candidate(symbol: string, reason: RelatedReason, key = 'file:///ws/a.ts', startLine = 1, endLine = 3): RelatedCandidate {
  return { key, label: 'a.ts', matchPath: 'a.ts', text: '', startLine, endLine, symbol, reason };
}

describe('related code: ranking', () => {
  test('definitions in order of use, then types, then callers; each symbol once; callers capped per symbol', () => {
    const found: FoundRelated[] = [
      { candidate: candidate('caller-of-list', 'caller', 'file:///ws/s.ts', 1, 1), useIndex: 0 },
      { candidate: candidate('Order', 'type', 'file:///ws/o.ts', 10, 20), useIndex: 1 },
      { candidate: candidate('searchOrders', 'definition', 'file:///ws/o.ts', 30, 34), useIndex: 5 },
      { candidate: candidate('listOrders', 'definition', 'file:///ws/o.ts', 40, 44), useIndex: 2 },
      { candidate: candidate('listOrders', 'definition', 'file:///ws/p.ts', 1, 4), useIndex: 2 },
      ...Array.from({ length: 8 }, (_, index) => ({
        candidate: candidate('list', 'caller', `file:///ws/c${index}.ts`, 1, 1),
        useIndex: 0,
      })),
    ];
    const ranked = rankRelated(found);
    assert.deepEqual(ranked.map((item) => `${item.reason}:${item.symbol}`).slice(0, 4), [
      'definition:listOrders',
      'definition:searchOrders',
      'type:Order',
      'caller:caller-of-list',
    ]);
    assert.equal(ranked.filter((item) => item.symbol === 'listOrders').length, 1);
    assert.equal(ranked.filter((item) => item.symbol === 'list').length, 5);
  });

  test('a piece inside one already taken is not sent twice, and the total is bounded', () => {
    const found: FoundRelated[] = [
      { candidate: candidate('Router', 'definition', 'file:///ws/r.ts', 1, 50), useIndex: 0 },
      { candidate: candidate('get', 'definition', 'file:///ws/r.ts', 10, 12), useIndex: 1 },
      ...Array.from({ length: 100 }, (_, index) => ({
        candidate: candidate(`f${index}`, 'definition', `file:///ws/f${index}.ts`),
        useIndex: 2 + index,
      })),
    ];
    const ranked = rankRelated(found);
    assert.ok(!ranked.some((item) => item.symbol === 'get'));
    assert.equal(ranked.length, 40);
  });

  test('a work budget stops after its limit', () => {
    const budget = new WorkBudget(3);
    const taken = Array.from({ length: 10_000 }, () => budget.take()).filter(Boolean).length;
    assert.equal(taken, 3);
    assert.equal(budget.spent, 3);
  });
});

function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}

describe('related code: the search by name', () => {
  test('the exclude glob keeps installed packages and architect.exclude out of findFiles', () => {
    assert.equal(excludeGlob(['.env', '**/*.pem', '', 'a{b,c}']), '{**/node_modules/**,**/.env,**/*.pem}');
    assert.equal(excludeGlob([]), '{**/node_modules/**}');
  });
});

describe('related code: a very large reviewed file', () => {
  test('only a bounded window of lines around the reviewed ones is scanned', () => {
    const text = Array.from({ length: 200_000 }, (_, index) => `const v${index} = find${index}();`).join('\n');
    const masked = maskedLines(text, 'script', scanWindow([{ startLine: 100_000, endLine: 200_000 }]));
    const scanned = masked.filter((line) => line !== '').length;
    assert.equal(scanned, MAX_SCANNED_LINES + 1);
    const { uses } = identifierUses(text, 'script', [{ startLine: 100_000, endLine: 100_002 }]);
    assert.deepEqual(
      uses.map((use) => use.name),
      ['find99999', 'find100000', 'find100001'],
    );
  });
});
