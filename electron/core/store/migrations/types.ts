import type { Database } from 'better-sqlite3';

/** A numbered schema change. Never edit one that has shipped: add the next. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
