// The part of node-postgres's API this example uses, so that the editor type-checks examples/ without
// an `npm install` here. Declarations only: the example is never run by the extension or its tests.
declare module 'pg' {
  // As in @types/pg: any row shape, interfaces included (an index signature of `any` accepts them).
  export type QueryResultRow = Record<string, any>;

  export interface QueryResult<R extends QueryResultRow = QueryResultRow> {
    rows: R[];
    rowCount: number | null;
  }

  export interface PoolConfig {
    connectionString?: string;
    max?: number;
    statement_timeout?: number;
  }

  export interface PoolClient {
    query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
    release(error?: Error | boolean): void;
  }

  export class Pool {
    constructor(config?: PoolConfig);
    query<R extends QueryResultRow = QueryResultRow>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
    connect(): Promise<PoolClient>;
    end(): Promise<void>;
    on(event: 'error', listener: (err: Error) => void): this;
  }
}
