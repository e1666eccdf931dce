/**
 * Canned answers for the README screenshots. They are written in the persona's voice about the real
 * examples/ code, but they are not produced by a model: the screenshots show the product's rendering
 * (streaming, findings table, Problems panel, saved document), reproducibly.
 */
export const REVIEW_ANSWER = [
  'Let me be precise about what this handler file promises and what it actually guarantees.\n\n',
  '**1. `POST /orders` trusts its body (line 30).** `req.body as CreateOrderBody` is a type assertion, not validation: ',
  '`items` may be missing, negative quantities pass, and `shippingAddress` can be 5 MB. Validate at the boundary:\n\n',
  '```typescript\nconst CreateOrder = z.object({\n  items: z.array(z.object({ productId: z.number().int().positive(), quantity: z.number().int().min(1).max(100) })).min(1).max(50),\n  shippingAddress: z.string().min(5).max(500),\n});\n```\n\n',
  '**2. `GET /orders` has no pagination (lines 10–12).** A customer with 40,000 orders gets all of them in one response and one query. ',
  'Use keyset pagination (`?cursor=…&limit=50`, `ORDER BY created_at DESC, id DESC`).\n\n',
  '**3. Two error shapes in one file (lines 23, 36),** and anything else escapes as a 500 with a plain-text body. ',
  'Clients end up parsing three formats. Pick one contract: `{ error: { code, message, field? } }`.\n\n',
  'What is done well: the create runs in a transaction, and ownership is checked before returning an order.\n\n',
  '```architect-findings\n',
  JSON.stringify([
    {
      line: 30,
      endLine: 32,
      file: 'src/routes/orders.ts',
      severity: 'high',
      rule: 'VAL-1',
      title: 'Request body is cast, never validated',
      fix: 'Parse with a zod schema; reject with 400 VALIDATION_ERROR',
    },
    {
      line: 10,
      endLine: 12,
      file: 'src/routes/orders.ts',
      severity: 'medium',
      rule: 'API-4',
      title: 'List endpoint returns every order: no pagination',
      fix: 'Keyset pagination with a capped limit',
    },
    {
      line: 23,
      file: 'src/routes/orders.ts',
      severity: 'low',
      rule: 'ERR-2',
      title: 'Error shape differs from the rest of the API',
      fix: 'One error envelope for every endpoint',
      replacement: "    res.status(404).json({ error: { code: 'ORDER_NOT_FOUND', message: 'Order not found' } });",
    },
    { line: 36, file: 'src/routes/orders.ts', severity: 'low', rule: 'ERR-2', title: 'Error shape differs from the rest of the API' },
  ]),
  '\n```\n',
];

export const DESIGN_ANSWER = [
  '# API Design: Projects\n\n',
  '## Resource Model\n\n```\nProject\n  ├── id: UUID\n  ├── name: string (2–100 chars)\n  ├── status: draft | active | archived\n  ├── ownerId: UUID (FK → users)\n  ├── createdAt, updatedAt: timestamp\n  └── deletedAt: timestamp | null\n```\n\n',
  '## Endpoints\n\n### `POST /api/v1/projects`\n**Purpose**: Create a project owned by the caller.\n\n',
  '**Request:**\n```json\n{ "name": "string", "description": "string (optional)" }\n```\n\n',
  '**Response (201):**\n```json\n{ "id": "uuid", "name": "Apollo", "status": "draft", "createdAt": "ISO-8601" }\n```\n\n',
  '**Errors:**\n| Code | HTTP Status | When |\n|------|-------------|------|\n| VALIDATION_ERROR | 400 | Invalid input |\n| UNAUTHORIZED | 401 | Missing or invalid token |\n| CONFLICT | 409 | A project with this name exists |\n\n',
  "### `GET /api/v1/projects?cursor=&limit=50`\n**Purpose**: List the caller's projects, newest first, keyset-paginated.\n\n",
  '## Authorization\n\n| Action | Owner | Admin | Member |\n|---|---|---|---|\n| Create | ✅ | ✅ | ❌ |\n| Read | ✅ | ✅ | ✅ |\n| Update | ✅ | ✅ | ❌ |\n| Delete | ✅ | ✅ | ❌ |\n\n',
  "## Data Model\n\n```sql\nCREATE TABLE projects (\n  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),\n  name TEXT NOT NULL CHECK (length(name) BETWEEN 2 AND 100),\n  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'active', 'archived')),\n  owner_id UUID NOT NULL REFERENCES users(id),\n  created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),\n  updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),\n  deleted_at TIMESTAMPTZ\n);\nCREATE INDEX idx_projects_owner_created ON projects(owner_id, created_at DESC) WHERE deleted_at IS NULL;\n```\n\n",
  '## Security Considerations\n\n- Authorization checked in the service layer, not only in routes.\n- Rate limit creation per user (10/min).\n- Audit log every mutation.\n\n',
  '## Performance Considerations\n\n- The partial index serves the list query without touching deleted rows.\n- Keyset pagination keeps page 1,000 as fast as page 1.\n\n',
  '## Open Questions\n\n- Should members see all projects or only assigned ones?\n- What is the retention policy for deleted projects?\n',
];

/** The review of a change to `GET /orders`: a limit was added, without a cursor or an upper bound. */
export const CHANGES_ANSWER = [
  'The change caps `GET /orders` at a page, which is the right direction, but the contract is not finished.\n\n',
  '**1. `limit` comes from the client unchecked (line 11).** `Number("abc")` is `NaN` and `?limit=1000000` is accepted: ',
  'clamp it (`Math.min(Math.max(limit, 1), 100)`) and reject what is not an integer with 400.\n\n',
  '**2. No cursor (lines 11–13).** The second page cannot be asked for. Return `nextCursor` (keyset: `created_at`, `id`).\n\n',
  'What is done well: the default page size is small, and the response keeps its shape.\n\n',
  '```architect-findings\n',
  JSON.stringify([
    {
      line: 11,
      file: 'src/routes/orders.ts',
      severity: 'medium',
      rule: 'VAL-2',
      title: 'limit is not validated or bounded',
      fix: 'Clamp to 1–100; 400 on a non-integer',
    },
    { line: 11, endLine: 13, file: 'src/routes/orders.ts', severity: 'low', rule: 'API-4', title: 'Paging without a cursor' },
  ]),
  '\n```\n',
];
