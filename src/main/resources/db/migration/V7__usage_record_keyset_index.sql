-- The request list pages newest first by (occurred_at, id) per workspace (keyset paging): this
-- index serves that order and, by its prefix, the month ranges the old index served, so the old
-- one goes (one index fewer to update on every request).
create index usage_record_ws_time_id_ix on usage_record (workspace_id, occurred_at, id);
drop index usage_record_ws_time_ix;
