-- Monthly assessment (考核评价): indexes for its aggregate queries over the stage records, and the scores of
-- special assessments and on-site inspections that administrators enter. Portable between H2 and PostgreSQL.

-- A case's stage runs in the order they started: the outcome of a handling run is read from the runs that follow
-- its last handle task, and a case's registration, suspension and later dispatches are looked up per case.
create index ix_case_stage_case_order on case_stage (case_id, id);

-- The stage runs of the cases reported in a period start within it: a range of this index instead of the table.
create index ix_case_stage_started on case_stage (started_at);

-- Scores out of 100 per district and month (yyyy-MM); null when there was no assessment of that kind.
create table assessment_manual_score (
    district_code varchar(12)  not null,
    period_month  varchar(7)   not null,
    special_score numeric(5, 2),
    on_site_score numeric(5, 2),
    entered_by    varchar(64)  not null,
    entered_at    timestamp with time zone not null,
    primary key (district_code, period_month),
    constraint ck_manual_special check (special_score between 0 and 100),
    constraint ck_manual_on_site check (on_site_score between 0 and 100)
);
