import { createServer } from 'node:http';
import { requireAuth } from './auth';
import { config } from './config';
import { pool } from './db/pool';
import { Router } from './http/router';
import * as orders from './routes/orders';
import * as payments from './routes/payments';
import * as users from './routes/users';

const router = new Router();

router.get('/health', (_req, res) => res.json({ ok: true }));

// Accounts
router.post('/users', users.register);
router.post('/login', users.login);

// Orders
router.get('/orders', requireAuth, orders.list);
router.get('/orders/search', requireAuth, orders.search);
router.get('/orders/:id', requireAuth, orders.get);
router.post('/orders', requireAuth, orders.create);

// Payments
router.post('/payments', requireAuth, payments.create);

const server = createServer((req, res) => {
  void router.handle(req, res);
});

server.listen(config.port, () => {
  console.log(`shop api listening on :${config.port}`);
});

process.on('SIGTERM', () => {
  server.close(() => void pool.end());
});
