#ifndef CSQLITESETTINGS_H
#define CSQLITESETTINGS_H

/// Turns on SQLite's query planner stability guarantee for the connection `db` (an `sqlite3 *` of sqlite-nio's
/// copy of SQLite): a statement's plan no longer depends on the values bound to it, so a kept statement is not
/// prepared again each time it is given another value. Returns SQLite's result code.
int maturity_sqlite_stable_plans(void *db);

#endif
