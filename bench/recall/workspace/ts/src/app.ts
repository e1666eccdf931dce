import { requireAuth, type Handler } from './middleware/auth';
import { createOrder, listOrdersHandler, searchOrdersHandler } from './routes/orders';
import { refundHandler } from './routes/payments';

export interface Router {
  get(path: string, handler: Handler): void;
  post(path: string, handler: Handler): void;
}

export function registerRoutes(router: Router): void {
  router.get('/orders/search', requireAuth(searchOrdersHandler));
  router.get('/customers/:customerId/orders', requireAuth(listOrdersHandler));
  router.post('/orders', createOrder);
  router.post('/refunds', refundHandler);
}
