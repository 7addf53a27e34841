-- Issue 29 (docs/adr/0027, 0028).
-- Each instance of the service has a row it refreshes while it runs (heartbeat_at). A token
-- reservation names the instance that made it: when that instance stops refreshing (killed), any
-- instance's sweeper releases its reservations from token_budget.reserved, so no budget leaks.
create table connector_instance (
    id           varchar(36) primary key,
    started_at   timestamp with time zone not null,
    heartbeat_at timestamp with time zone not null
);

create table token_reservation (
    id           varchar(36) primary key,
    workspace_id varchar(36) not null,
    budget_month varchar(7)  not null,
    tokens       bigint      not null,
    instance_id  varchar(36) not null,
    created_at   timestamp with time zone not null
);
create index token_reservation_instance_ix on token_reservation (instance_id);

-- Failed sign-ins, per account (kind 'account', the username) and per client address (kind
-- 'address'), shared by every instance. A row exists only after a failure: a caller with valid
-- credentials neither reads nor writes it on the way in.
create table sign_in_failure (
    kind             varchar(8)   not null,
    subject          varchar(200) not null,
    failures         integer      not null,
    first_failure_at timestamp with time zone not null,
    last_failure_at  timestamp with time zone not null,
    locked_until     timestamp with time zone,
    primary key (kind, subject)
);
