// The records server's certificate, when the council uses its own (a PEM certificate, or its
// authority's): beside the record, never in it. The laptop trusts it for that server only, in
// addition to the usual authorities; verification is never turned off.
import type { Migration } from './types';

export const syncServerCertificate: Migration = {
  version: 7,
  name: 'sync-certificate',
  up(db) {
    // Like the others, safe to run again on a file that already has it.
    const columns = db.prepare("SELECT name FROM pragma_table_info('sync_config')").pluck().all() as string[];
    if (!columns.includes('server_certificate')) db.exec('ALTER TABLE sync_config ADD COLUMN server_certificate TEXT');
  },
};
