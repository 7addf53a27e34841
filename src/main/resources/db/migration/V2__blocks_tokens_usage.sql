-- Building blocks, workspace API tokens, usage records and the monthly token budget.

create table building_block (
    id                varchar(36)   primary key,
    workspace_id      varchar(36)   not null references workspace (id) on delete cascade,
    name              varchar(200)  not null,
    model             varchar(100)  not null,
    system_prompt     varchar(100000),
    user_prompt       varchar(100000) not null,
    temperature       double precision,
    max_output_tokens integer,
    response_format   varchar(8)    not null,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    version           bigint        not null,
    constraint building_block_name_uk unique (workspace_id, name)
);

create table workspace_api_token (
    id           varchar(36)  primary key,
    workspace_id varchar(36)  not null references workspace (id) on delete cascade,
    name         varchar(100) not null,
    -- SHA-256 of the token, hex: the token itself is shown once and never stored
    token_hash   varchar(64)  not null,
    token_prefix varchar(16)  not null,
    created_at   timestamp with time zone not null,
    created_by   varchar(100) not null,
    last_used_at timestamp with time zone,
    revoked_at   timestamp with time zone,
    constraint workspace_api_token_hash_uk unique (token_hash)
);
create index workspace_api_token_ws_ix on workspace_api_token (workspace_id);

create sequence usage_record_seq start with 1 increment by 1;
create table usage_record (
    id                bigint       primary key,
    workspace_id      varchar(36)  not null,
    block_id          varchar(36),
    actor             varchar(140) not null,
    model             varchar(100),
    prompt_tokens     bigint       not null,
    completion_tokens bigint       not null,
    outcome           varchar(32)  not null,
    latency_ms        bigint       not null,
    openai_request_id varchar(100),
    occurred_at       timestamp with time zone not null
);
create index usage_record_ws_time_ix on usage_record (workspace_id, occurred_at);

-- One row a workspace and month. "reserved" holds tokens of calls in flight; a call may start
-- only if used + reserved + its estimate stays within the limit (one conditional UPDATE).
create table token_budget (
    workspace_id varchar(36) not null references workspace (id) on delete cascade,
    budget_month varchar(7)  not null,
    used         bigint      not null,
    reserved     bigint      not null,
    primary key (workspace_id, budget_month)
);
