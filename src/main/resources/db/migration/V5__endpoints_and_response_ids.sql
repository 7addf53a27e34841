-- The OpenAI-compatible endpoint's other endpoints (docs/notes/api-fidelity.md): which endpoint a
-- usage record counts, and the id the caller was given; and the Responses API's response ids per
-- workspace, so a workspace can read, delete or continue only the responses it created (two
-- workspaces may share one vendor key, and OpenAI alone would not tell them apart).

-- every record before this one was a chat completion
alter table usage_record add column endpoint varchar(32) default 'chat/completions' not null;
alter table usage_record add column request_id varchar(100);

create table openai_response (
    response_id  varchar(100) primary key,
    workspace_id varchar(36)  not null references workspace (id) on delete cascade,
    created_at   timestamp with time zone not null
);
create index openai_response_ws_ix on openai_response (workspace_id);
