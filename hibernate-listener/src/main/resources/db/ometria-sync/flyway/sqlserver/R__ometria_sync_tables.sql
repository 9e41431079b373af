-- ometria-sync tables for Microsoft SQL Server (2016 and later): the outbox, the relay lease and the backfill checkpoint.
-- NOT run against a SQL Server by this project's build: its tests only check that the CREATE statements parse in H2's
-- MSSQLServer mode and that Hibernate's SQL Server dialect accepts the column types (see the README). Try it on a
-- test database first.
-- A Flyway *repeatable* migration: it carries no version number, so it never collides with the application's own
-- V1, V2... Every statement is guarded (object_id(...) is null), so it also adopts tables created earlier.
-- Use it with: spring.flyway.locations=classpath:db/migration,classpath:db/ometria-sync/flyway/{vendor}
-- Instants are datetimeoffset(7): what Hibernate maps java.time.Instant to on SQL Server (its DDL for the dialect).
-- Captured changes waiting to be sent; rows are deleted once Ometria accepted their record.
-- Rows with status DEAD are kept for inspection and replay (set status = 'PENDING', attempts = 0 to retry).
if object_id(N'ometria_outbox', N'U') is null
create table ometria_outbox (
    id                 bigint identity(1,1) not null primary key,
    operation          varchar(8)    not null,  -- INSERT, UPDATE, DELETE or TOUCH
    entity_name        varchar(255)  not null,  -- Hibernate entity name
    entity_id          varchar(255)  not null,  -- the entity id as text
    ometria_type       varchar(16)   not null,  -- contact, order, product, custom_event
    ometria_collection varchar(255),            -- contact collection, if any
    ometria_id         varchar(255),            -- Ometria record id (needed for deletes)
    changed_properties varchar(4000),           -- comma-separated attribute names; null = full record
    attempts           int           not null,
    next_attempt_at    datetimeoffset(7) not null,
    claimed_by         varchar(64),             -- relay instance sending the row
    claimed_until      datetimeoffset(7),       -- claim expiry (database clock)
    status             varchar(8)    not null,  -- PENDING or DEAD
    last_error         varchar(1000),
    created_at         datetimeoffset(7) not null
);

if not exists (select 1 from sys.indexes where name = N'ometria_outbox_due' and object_id = object_id(N'ometria_outbox'))
create index ometria_outbox_due on ometria_outbox (status, next_attempt_at);

-- The relay's claim after a takeover skips entities another instance still holds: this index keeps that check
-- from scanning the whole table for every candidate row.
if not exists (select 1 from sys.indexes where name = N'ometria_outbox_entity' and object_id = object_id(N'ometria_outbox'))
create index ometria_outbox_entity on ometria_outbox (entity_name, entity_id);

-- The relay lease: one active sender per database.
if object_id(N'ometria_relay_lease', N'U') is null
create table ometria_relay_lease (
    name       varchar(64) not null primary key,
    holder     varchar(64) not null,
    expires_at datetimeoffset(7) not null
);

-- One row per backfill name and entity type: the id up to which every record has a final outcome.
-- A killed backfill resumes after last_id. Delete a backfill's rows (or run it with restart()) to start over.
if object_id(N'ometria_backfill_checkpoint', N'U') is null
create table ometria_backfill_checkpoint (
    backfill_name  varchar(64)   not null,  -- OmetriaBackfill.name(), 'default' unless set
    entity_name    varchar(255)  not null,  -- Hibernate entity name
    last_id        varchar(255),            -- entity id (as text) of the last confirmed row; null: none yet
    status         varchar(8)    not null,  -- RUNNING or DONE
    changed_since  varchar(64),             -- the run's changedSince filter (ISO-8601); null: every row
    records_done   bigint        not null,  -- records with a final outcome (accepted + rejected)
    accepted       bigint        not null,
    rejected       bigint        not null,
    started_at     datetimeoffset(7) not null,
    updated_at     datetimeoffset(7) not null,
    primary key (backfill_name, entity_name)
);
