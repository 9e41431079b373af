-- the test application's own table (H2 and PostgreSQL)
create table member (
    id         varchar(64)  not null primary key,
    email      varchar(255) not null,
    first_name varchar(255)
);
