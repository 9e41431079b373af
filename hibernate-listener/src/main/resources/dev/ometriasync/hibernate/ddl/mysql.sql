-- ometria-sync outbox tables for MySQL / MariaDB
-- Captured changes waiting to be sent; rows are deleted once Ometria accepted their record.
-- Rows with status DEAD are kept for inspection and replay (set status = 'PENDING', attempts = 0 to retry).
create table ometria_outbox (
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
    created_at         datetime(6) not null
);
create index ometria_outbox_due on ometria_outbox (status, next_attempt_at);

-- The relay lease: one active sender per database.
create table ometria_relay_lease (
    name       varchar(64) not null primary key,
    holder     varchar(64) not null,
    expires_at datetime(6) not null
);
