import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  callerSearchOrder,
  callerWindow,
  callSites,
  MAX_SITES_PER_FILE,
  reviewedDeclarations,
  type ReviewedDeclarations,
} from '../../../src/core/related/callers';
import { maskedLines } from '../../../src/core/related/codeText';
import { declarationAt, findDeclarations, isAliasStatement, ownerOf, qualifierFitsOwner } from '../../../src/core/related/declarations';
import { parseImports, submoduleBindings } from '../../../src/core/related/imports';
import { importTarget } from '../../../src/core/related/resolveImport';
import { signatureTypeNames } from '../../../src/core/related/signatureTypes';

const GO_MODULE = { directory: 'svc', path: 'example.com/svc' };

function reviewed(path: string, text: string, startLine: number, endLine: number, family: ReviewedDeclarations['family']) {
  return reviewedDeclarations(text, family, [{ startLine, endLine }], path);
}

describe('related code: callers found by text', () => {
  const HANDLER = [
    "import { saveInvoice } from '../db/invoices';", // 1
    '', // 2
    'export async function postInvoice(req: Request, res: Response) {', // 3
    '  const local = (x: number) => x;', // 4
    '  await saveInvoice(req.body);', // 5
    '}', // 6
  ].join('\n');

  test('TS: the functions the reviewed lines declare, not their locals', () => {
    const found = reviewed('api/invoices.ts', HANDLER, 3, 6, 'script');
    assert.deepEqual(found.names, ['postInvoice']);
    assert.equal(found.methods.size, 0);
  });

  test('TS: a named import (also renamed) calls it; the import line and a file that does not import the module do not', () => {
    const declarations = reviewed('api/invoices.ts', HANDLER, 3, 6, 'script');
    const server = [
      "import { postInvoice as create } from './api/invoices';", // 1
      "import { other } from './api/other';", // 2
      '', // 3
      'export function routes(app: App) {', // 4
      "  app.get('/health', other);", // 5
      "  app.post('/invoices', create);", // 6
      '}', // 7
    ].join('\n');
    assert.deepEqual(callSites({ path: 'server.ts', text: server }, declarations, { importer: 'server.ts' }), [
      { name: 'postInvoice', line: 6 },
    ]);
    const unrelated = "import { x } from './x';\n\nrouter.post('/invoices', postInvoice);\n";
    assert.deepEqual(callSites({ path: 'other.ts', text: unrelated }, declarations, { importer: 'other.ts' }), []);
    const multiLineImport = "import {\n  postInvoice,\n} from './api/invoices';\nrouter.post('/i', postInvoice);\n";
    assert.deepEqual(callSites({ path: 'r.ts', text: multiLineImport }, declarations, { importer: 'r.ts' }), [
      { name: 'postInvoice', line: 4 },
    ]);
  });

  test('JS CommonJS: a module required as a whole, its function used as a member', () => {
    const controller = 'async function removeUser(req, res) {\n  res.send();\n}\n\nmodule.exports = { removeUser };\n';
    const declarations = reviewed('src/controllers/users.js', controller, 1, 3, 'script');
    const routes = [
      "const express = require('express');", // 1
      "const users = require('../controllers/users');", // 2
      'const router = express.Router();', // 3
      "router.delete('/:id', users.removeUser);", // 4
    ].join('\n');
    assert.deepEqual(callSites({ path: 'src/routes/users.js', text: routes }, declarations, { importer: 'src/routes/users.js' }), [
      { name: 'removeUser', line: 4 },
    ]);
  });

  test('Go: a method is called on any value in a file that imports its package; a function after the package name', () => {
    const handlers = [
      'package api', // 1
      '', // 2
      'func (h *Invoices) Void(w http.ResponseWriter, r *http.Request) {', // 3
      '}', // 4
      '', // 5
      'func Health(w http.ResponseWriter, r *http.Request) {', // 6
      '}', // 7
    ].join('\n');
    const method = reviewed('svc/api/invoices.go', handlers, 3, 4, 'go');
    assert.deepEqual([method.names, [...method.methods]], [['Void'], ['Void']]);
    const main = [
      'package main', // 1
      '', // 2
      'import (', // 3
      '\t"net/http"', // 4
      '\t"example.com/svc/api"', // 5
      ')', // 6
      '', // 7
      'func main() {', // 8
      '\tinv := &api.Invoices{}', // 9
      '\thttp.HandleFunc("/void", inv.Void)', // 10
      '\thttp.HandleFunc("/health", api.Health)', // 11
      '}', // 12
    ].join('\n');
    const context = { importer: 'svc/main.go', goModule: GO_MODULE };
    assert.deepEqual(callSites({ path: 'svc/main.go', text: main }, method, context), [{ name: 'Void', line: 10 }]);
    const functions = reviewed('svc/api/invoices.go', handlers, 6, 7, 'go');
    assert.deepEqual(callSites({ path: 'svc/main.go', text: main }, functions, context), [{ name: 'Health', line: 11 }]);
    const elsewhere = main.replace('"example.com/svc/api"', '"example.com/svc/other"').replace('api.', 'other.');
    assert.deepEqual(callSites({ path: 'svc/main.go', text: elsewhere }, method, context), [], 'no import of the package, no caller');
    const samePackage = 'package api\n\nfunc routes() {\n\tHealth(nil, nil)\n}\n';
    assert.deepEqual(
      callSites({ path: 'svc/api/routes.go', text: samePackage }, functions, { ...context, importer: 'svc/api/routes.go' }),
      [{ name: 'Health', line: 4 }],
    );
  });

  test('Python: `from module import name` calls it alone, `from package import module` as module.name', () => {
    const items = 'def read_items(session, limit):\n    return []\n';
    const declarations = reviewed('app/api/items.py', items, 1, 2, 'python');
    const byName = 'from app.api.items import read_items\n\nrouter.add("/items", read_items)\n';
    assert.deepEqual(callSites({ path: 'app/main.py', text: byName }, declarations, { importer: 'app/main.py' }), [
      { name: 'read_items', line: 3 },
    ]);
    const byModule = 'from app.api import items\n\nrouter.add("/items", items.read_items)\n';
    assert.deepEqual(callSites({ path: 'app/main.py', text: byModule }, declarations, { importer: 'app/main.py' }), [
      { name: 'read_items', line: 3 },
    ]);
  });

  test('a caller is a short window: the line above and the statement, not the function around it', () => {
    const text = [
      'function routes(router) {',
      "  router.get('/a', a);",
      "  router.post('/b',",
      '    auth,',
      '    b);',
      "  router.get('/c', c);",
      '}',
    ].join('\n');
    const lines = maskedLines(text, 'script');
    assert.deepEqual(callerWindow(lines, 5, 'script'), { startLine: 4, endLine: 5 });
    assert.deepEqual(callerWindow(lines, 2, 'script'), { startLine: 1, endLine: 2 });
  });

  test('the files searched: nearest the reviewed one first, tests last, bounded', () => {
    const order = callerSearchOrder(
      [
        'src/app.ts',
        'src/routes/users.ts',
        'src/db/orders.ts',
        'src/routes/orders.test.ts',
        'lib/deep/x/y.ts',
        'src/types.d.ts',
        'src/routes/orders.ts',
      ],
      'src/routes/orders.ts',
      4,
    );
    assert.deepEqual(order, ['src/routes/users.ts', 'src/app.ts', 'src/db/orders.ts', 'lib/deep/x/y.ts']);
  });

  test('R64: a file that names the handler 10,000 times: a few sites are kept, every one a real line', () => {
    const declarations = reviewed('api/invoices.ts', HANDLER, 3, 6, 'script');
    const text = "import { postInvoice } from './api/invoices';\n" + 'router.post("/x", postInvoice);\n'.repeat(10_000);
    const sites = callSites({ path: 'server.ts', text }, declarations, { importer: 'server.ts' });
    assert.equal(sites.length, MAX_SITES_PER_FILE);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('postInvoice', '.', '(', ')', '\n', ' ', '"', '//', 'import ', '{', '}', 'x'), { maxLength: 200 }),
        (parts) => {
          const hostile = "import { postInvoice } from './api/invoices';\n" + parts.join('');
          const lineCount = hostile.split('\n').length;
          const found = callSites({ path: 'server.ts', text: hostile }, declarations, { importer: 'server.ts' });
          return found.length <= MAX_SITES_PER_FILE && found.every((site) => site.line >= 2 && site.line <= lineCount);
        },
      ),
    );
  });
});

describe('related code: names reached through modules', () => {
  test('Python: `from app import crud` may bind the module app/crud.py, used as crud.get_items', () => {
    const [binding] = parseImports('from app import crud, models as m\n', 'python');
    assert.ok(binding);
    const modules = submoduleBindings(binding, 'python');
    assert.deepEqual(
      modules.map((module) => [module.specifier, module.namespace]),
      [
        ['app.crud', 'crud'],
        ['app.models', 'm'],
      ],
    );
    const target = importTarget(modules[0] ?? binding, 'python', { importer: 'py/app/api/routes/items.py' });
    assert.ok(target?.files.includes('py/app/crud.py'), JSON.stringify(target?.files));
    const [relative] = parseImports('from . import deps\n', 'python');
    assert.ok(relative);
    assert.deepEqual(
      submoduleBindings(relative, 'python').map((module) => module.specifier),
      ['.deps'],
    );
    const [star] = parseImports('from app.crud import *\n', 'python');
    assert.deepEqual(star ? submoduleBindings(star, 'python') : undefined, [], 'a star import names no module');
    assert.deepEqual(submoduleBindings({ specifier: './x', names: [{ imported: 'a', local: 'a' }] }, 'script'), []);
  });

  test('JS: a module passed on by name in an index (`tokenService: require(…)`, `exports.x = require(…)`, `export * as x`)', () => {
    const index = [
      'module.exports = {',
      "  tokenService: require('./tokenService'),",
      "  userService: require('./userService'),",
      '};',
      "exports.mailer = require('./mailer');",
      "export * as payments from './payments';",
    ].join('\n');
    assert.deepEqual(
      parseImports(index, 'script').map((binding) => [binding.specifier, binding.namespace]),
      [
        ['./tokenService', 'tokenService'],
        ['./userService', 'userService'],
        ['./mailer', 'mailer'],
        ['./payments', 'payments'],
      ],
    );
    const [destructured] = parseImports("const { tokenService } = require('../services');\n", 'script');
    assert.deepEqual(destructured?.names, [{ imported: 'tokenService', local: 'tokenService' }]);
  });

  test('Go: a function with a receiver is a method, found by its name after the dot', () => {
    assert.deepEqual(declarationAt('func (s *Store) ListOrders(userID int64) ([]Order, error) {', 'go'), {
      name: 'ListOrders',
      keyword: 'method',
    });
    assert.deepEqual(declarationAt('func ListOrders() {', 'go'), { name: 'ListOrders', keyword: 'func' });
    const store = 'package store\n\nfunc ListOrders() {}\n\nfunc (s *Store) ListOrders(id int64) {\n\treturn\n}\n';
    const found = findDeclarations(store, 'go', new Set(['ListOrders']));
    assert.deepEqual(
      found.map((item) => [item.keyword, item.startLine, item.endLine]),
      [
        ['func', 3, 3],
        ['method', 5, 7],
      ],
    );
  });

  test('a member of an unknown value: the owner of the method must fit the name of the value', () => {
    const go = maskedLines('func (s *Store) ListOrders(id int64) {\n}\nfunc (l *Ledger[T]) Refund() {\n}\n', 'go');
    assert.equal(ownerOf(go, 1, 'go'), 'Store');
    assert.equal(ownerOf(go, 3, 'go'), 'Ledger');
    const ts = maskedLines(
      [
        'export class OrderRepository {',
        '  async markCancelled(id: string) {',
        '  }',
        '}',
        'export const tokenService = {',
        '  generateToken() {',
        '  },',
        '};',
      ].join('\n'),
      'script',
    );
    assert.equal(ownerOf(ts, 2, 'script'), 'OrderRepository');
    assert.equal(ownerOf(ts, 6, 'script'), 'tokenService');
    assert.ok(qualifierFitsOwner('repository', 'OrderRepository'));
    assert.ok(qualifierFitsOwner('Store', 'Store'));
    assert.ok(!qualifierFitsOwner('query', 'Router'), 'req.query.get is not Router.get');
  });

  test('a CommonJS require binds a module: it is not a declaration', () => {
    assert.equal(declarationAt("const userService = require('../services/userService');", 'script'), undefined);
    assert.equal(declarationAt('const userService = createService(db);', 'script')?.name, 'userService');
  });

  test('an export list passes a name on; it is not where the name is declared', () => {
    for (const line of [
      'module.exports = { generateToken };',
      'module.exports = router;',
      'exports.login = login;',
      'export { a as b };',
      "export * from './x';",
      'export default handler;',
      '  generateToken,',
    ])
      assert.equal(isAliasStatement(line), true, line);
    for (const line of [
      'exports.login = async (req, res) => {',
      'module.exports.handler = function handler(req) {',
      'export default function handler(req) {',
      'export default class Service {',
      'export async function generateToken() {',
      'function generateToken(userId, secret) {',
    ])
      assert.equal(isAliasStatement(line), false, line);
  });
});

describe('related code: types a found function returns', () => {
  test('TS: the result and parameter types, not the platform generics, not qualified names', () => {
    const text = [
      'export interface UserRow {',
      '  id: string;',
      '}',
      'export async function findUserById(id: UserId, opts: db.Options): Promise<UserRow | undefined> {',
      '  return undefined;',
      '}',
    ].join('\n');
    const names = signatureTypeNames(maskedLines(text, 'script'), { startLine: 4, endLine: 6, name: 'findUserById' }, 'script');
    assert.deepEqual(names, ['UserId', 'UserRow']);
  });

  test('Python: annotations up to the colon that opens the body, over several lines', () => {
    const text = [
      'def get_items(',
      '    session: Session,',
      '    limit: int,',
      ') -> list[Item]:',
      '    x = Other()',
      '    return []',
    ].join('\n');
    const names = signatureTypeNames(maskedLines(text, 'python'), { startLine: 1, endLine: 6, name: 'get_items' }, 'python');
    assert.deepEqual(names, ['Session', 'Item']);
  });

  test('Go: the receiver and result types, never the body', () => {
    const text = ['func (s *Store) UserByID(id int64) (*User, error) {', '\tvar x Other', '}'].join('\n');
    const names = signatureTypeNames(maskedLines(text, 'go'), { startLine: 1, endLine: 3, name: 'UserByID' }, 'go');
    assert.deepEqual(names, ['Store', 'User']);
  });
});
