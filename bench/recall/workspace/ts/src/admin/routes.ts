import { requireAuth, type Handler } from '../middleware/auth';
import * as invoices from '../routes/invoices';

export interface AdminRouter {
  post(path: string, ...handlers: Handler[]): void;
}

export function registerAdminRoutes(router: AdminRouter): void {
  router.post('/admin/audit', requireAuth(async (_req, res) => res.status(200).json({})));
  router.post('/admin/invoices/:id/void', invoices.voidInvoice);
}
