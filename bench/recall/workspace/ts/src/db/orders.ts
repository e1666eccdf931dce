import { pool } from './pool';
import { type Order, type CreateOrderInput } from '../types/order';

export async function searchOrders(term: string): Promise<Order[]> {
  const sql = "SELECT * FROM orders WHERE note LIKE '%" + term + "%'";
  const result = await pool.query<Order>(sql);
  return result.rows;
}

export async function listOrders(customerId: string): Promise<Order[]> {
  const result = await pool.query<Order>('SELECT * FROM orders WHERE customer_id = $1 ORDER BY created_at DESC', [
    customerId,
  ]);
  return result.rows;
}

export async function insertOrder(input: CreateOrderInput): Promise<Order> {
  const result = await pool.query<Order>(
    'INSERT INTO orders (customer_id, status, total_cents, note) VALUES ($1, $2, $3, $4) RETURNING *',
    [input.customerId, input.status, input.totalCents, input.note],
  );
  return result.rows[0];
}

export class OrderRepository {
  async markCancelled(id: string): Promise<void> {
    await pool.query('UPDATE orders SET status = $1', ['cancelled']);
  }

  async findById(id: string): Promise<Order | undefined> {
    const result = await pool.query<Order>('SELECT * FROM orders WHERE id = $1', [id]);
    return result.rows[0];
  }
}
