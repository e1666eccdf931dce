import { OrderRepository } from '../db/orders';

export class OrderService {
  constructor(private readonly repository: OrderRepository) {}

  async cancel(orderId: string): Promise<void> {
    const order = await this.repository.findById(orderId);
    if (!order) throw new Error('not found');
    await this.repository.markCancelled(orderId);
  }
}
