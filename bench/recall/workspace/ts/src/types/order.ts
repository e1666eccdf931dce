export interface Order {
  id: string;
  customerId: string;
  status: string;
  totalCents: number;
  createdAt: Date;
}

export interface CreateOrderInput {
  customerId: string;
  status: string;
  totalCents: number;
  note?: any;
}

export type OrderFilter = Record<string, string>;
