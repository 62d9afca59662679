-- On PostgreSQL the database, not only the application, keeps the log append-only: run this as the
-- owner of the tables after the first start, with zhifa_app = the role in etc/org.ops4j.datasource-zhifa.cfg.
-- The application still inserts into the log and updates the one row of RECORD_HEAD (its lock and size).
REVOKE UPDATE, DELETE, TRUNCATE ON RECORD_ENTRY, RECORD_NODE, RECORD_STH, RECORD_META FROM zhifa_app;
GRANT SELECT, INSERT ON RECORD_ENTRY, RECORD_NODE, RECORD_STH, RECORD_META TO zhifa_app;
GRANT SELECT, UPDATE ON RECORD_HEAD TO zhifa_app;
