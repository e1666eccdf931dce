export interface QueryResult<Row> {
  rows: Row[];
}

export interface Pool {
  query<Row>(text: string, values?: unknown[]): Promise<QueryResult<Row>>;
}

export declare const pool: Pool;
