#include "CSQLiteSettings.h"

// sqlite3_db_config takes variable arguments, which Swift cannot pass; declared here rather than through
// sqlite-nio's header (its C target is not a product). SQLITE_DBCONFIG_ENABLE_QPSG is 1007 in every SQLite
// since 3.20.
int sqlite_nio_sqlite3_db_config(void *db, int op, ...);

int maturity_sqlite_stable_plans(void *db) {
    int set = 0;
    return sqlite_nio_sqlite3_db_config(db, 1007, 1, &set);
}
