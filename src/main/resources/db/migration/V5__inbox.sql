-- A group's inbox (GET /api/inbox): the open stage runs of a candidate group, soonest due first, paged and
-- counted from the case file instead of the engine's task tables. Portable between H2 and PostgreSQL.

-- Who claimed the task, null while it waits in the group.
alter table case_stage add column assignee varchar(64);

-- Open runs have ended_at null, so (group, null) is one range of this index and due_at runs in order inside
-- it: the page reads its rows in index order and the count reads the range alone.
create index ix_case_stage_inbox on case_stage (candidate_group, ended_at, due_at, id);
