-- Portable SQL: the same script runs on H2 (embedded default) and PostgreSQL.

-- ids from sequences: the one generator strategy EclipseLink handles alike on H2 2.x and PostgreSQL
create sequence app_user_seq start with 1 increment by 1;
create sequence audit_event_seq start with 1 increment by 1;

create table app_user (
    id            bigint        primary key,
    username      varchar(100)  not null,
    password_hash varchar(512)  not null,
    operator      boolean       not null,
    created_at    timestamp with time zone not null,
    version       bigint        not null,
    constraint app_user_username_uk unique (username)
);

create table workspace (
    id         varchar(36)  primary key,
    name       varchar(200) not null,
    created_at timestamp with time zone not null,
    version    bigint       not null
);

create table workspace_member (
    workspace_id varchar(36) not null references workspace (id) on delete cascade,
    user_id      bigint      not null references app_user (id) on delete cascade,
    role         varchar(16) not null,
    added_at     timestamp with time zone not null,
    primary key (workspace_id, user_id)
);
create index workspace_member_user_ix on workspace_member (user_id);

create table chatgpt_settings (
    workspace_id        varchar(36)   primary key references workspace (id) on delete cascade,
    status              varchar(16)   not null,
    key_source          varchar(16)   not null,
    -- v1:<masterKeyId>:<base64url(nonce|ciphertext|tag)>, never the plain key
    encrypted_key       varchar(2048),
    key_hint            varchar(8),
    key_unreadable      boolean       not null,
    organization_id     varchar(100),
    project_id          varchar(100),
    monthly_token_limit bigint,
    allowed_models      varchar(4000),
    status_changed_at   timestamp with time zone,
    status_changed_by   varchar(100),
    key_changed_at      timestamp with time zone,
    key_changed_by      varchar(100),
    updated_at          timestamp with time zone not null,
    version             bigint        not null
);
create index chatgpt_settings_status_ix on chatgpt_settings (status);

create table audit_event (
    id           bigint       primary key,
    workspace_id varchar(36)  not null,
    actor        varchar(100) not null,
    action       varchar(48)  not null,
    detail       varchar(1000),
    occurred_at  timestamp with time zone not null
);
create index audit_event_workspace_ix on audit_event (workspace_id, occurred_at);
