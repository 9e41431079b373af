-- ometria-sync tables for MySQL and MariaDB: the outbox, the relay lease and the backfill checkpoint.
-- The build copies this file to db/ometria-sync/flyway/mariadb/ as well: Spring Boot fills in {vendor} as mariadb
-- for a jdbc:mariadb: URL and as mysql for a jdbc:mysql: one, and the DDL is the same for both.
-- A Flyway *repeatable* migration: it carries no version number, so it never collides with the application's own
-- V1, V2... and can be added to a database that is already past them. Every statement is idempotent (if not
-- exists), so it also adopts tables created earlier (by the plain DDL that ometria-sync shipped before in
-- dev/ometriasync/hibernate/ddl/). It is the one DDL of these tables for this database: run it with any SQL tool
-- when you use no migration tool; ometria-sync quotes it when the tables are missing.
-- Use it with: spring.flyway.locations=classpath:db/migration,classpath:db/ometria-sync/flyway/{vendor}
-- Captured changes waiting to be sent; rows are deleted once Ometria accepted their record.
-- Rows with status DEAD are kept for inspection and replay (set status = 'PENDING', attempts = 0 to retry).
create table if not exists ometria_outbox (
    id                 bigint not null auto_increment primary key,
    operation          varchar(8)    not null,  -- INSERT, UPDATE, DELETE or TOUCH
    entity_name        varchar(255)  not null,  -- Hibernate entity name
    entity_id          varchar(255)  not null,  -- the entity id as text
    ometria_type       varchar(16)   not null,  -- contact, order, product, custom_event
    ometria_collection varchar(255),            -- contact collection, if any
    ometria_id         varchar(255),            -- Ometria record id (needed for deletes)
    changed_properties varchar(4000),           -- comma-separated attribute names; null = full record
    attempts           integer       not null,
    next_attempt_at    datetime(6) not null,
    claimed_by         varchar(64),             -- relay instance sending the row
    claimed_until      datetime(6),                     -- claim expiry (database clock)
    status             varchar(8)    not null,  -- PENDING or DEAD
    last_error         varchar(1000),
    created_at         datetime(6) not null,
    index ometria_outbox_due (status, next_attempt_at),
    index ometria_outbox_entity (entity_name, entity_id)
);

-- The relay's claim after a takeover skips entities another instance still holds: this index keeps that check
-- from scanning the whole table for every candidate row.
-- Tables created by an earlier version of this script lack it; MySQL has no "create index if not exists".
set @ometria_outbox_entity_ddl = (select if(count(*) = 0,
        'create index ometria_outbox_entity on ometria_outbox (entity_name, entity_id)', 'do 0')
    from information_schema.statistics
    where table_schema = database() and table_name = 'ometria_outbox' and index_name = 'ometria_outbox_entity');
prepare ometria_outbox_entity_stmt from @ometria_outbox_entity_ddl;
execute ometria_outbox_entity_stmt;
deallocate prepare ometria_outbox_entity_stmt;

-- The relay lease: one active sender per database.
create table if not exists ometria_relay_lease (
    name       varchar(64) not null primary key,
    holder     varchar(64) not null,
    expires_at datetime(6) not null
);

-- One row per backfill name and entity type: the id up to which every record has a final outcome.
-- A killed backfill resumes after last_id. Delete a backfill's rows (or run it with restart()) to start over.
create table if not exists ometria_backfill_checkpoint (
    backfill_name  varchar(64)   not null,  -- OmetriaBackfill.name(), 'default' unless set
    entity_name    varchar(255)  not null,  -- Hibernate entity name
    last_id        varchar(255),            -- entity id (as text) of the last confirmed row; null: none yet
    status         varchar(8)    not null,  -- RUNNING or DONE
    changed_since  varchar(64),             -- the run's changedSince filter (ISO-8601); null: every row
    records_done   bigint        not null,  -- records with a final outcome (accepted + rejected)
    accepted       bigint        not null,
    rejected       bigint        not null,
    started_at     datetime(6) not null,
    updated_at     datetime(6) not null,
    primary key (backfill_name, entity_name)
);
