-- ometria-sync backfill checkpoint for PostgreSQL
-- One row per backfill name and entity type: the id up to which every record has a final outcome.
-- A killed backfill resumes after last_id. Delete a backfill's rows (or run it with restart()) to start over.
create table ometria_backfill_checkpoint (
    backfill_name  varchar(64)   not null,  -- OmetriaBackfill.name(), 'default' unless set
    entity_name    varchar(255)  not null,  -- Hibernate entity name
    last_id        varchar(255),            -- entity id (as text) of the last confirmed row; null: none yet
    status         varchar(8)    not null,  -- RUNNING or DONE
    changed_since  varchar(64),             -- the run's changedSince filter (ISO-8601); null: every row
    records_done   bigint        not null,  -- records with a final outcome (accepted + rejected)
    accepted       bigint        not null,
    rejected       bigint        not null,
    started_at     timestamp(6) with time zone not null,
    updated_at     timestamp(6) with time zone not null,
    primary key (backfill_name, entity_name)
);
