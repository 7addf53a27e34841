-- Raise the change stamp (V3) in the transaction of every statement that changes users,
-- workspaces, memberships, ChatGPT settings, building blocks or API tokens.

create function raise_change_stamp() returns trigger language plpgsql as $$
begin
    update change_stamp set stamp = stamp + 1 where id = 1;
    return null;
end
$$;

create trigger app_user_changed after insert or update or delete on app_user
    for each statement execute function raise_change_stamp();
create trigger workspace_changed after insert or update or delete on workspace
    for each statement execute function raise_change_stamp();
create trigger workspace_member_changed after insert or update or delete on workspace_member
    for each statement execute function raise_change_stamp();
create trigger chatgpt_settings_changed after insert or update or delete on chatgpt_settings
    for each statement execute function raise_change_stamp();
create trigger building_block_changed after insert or update or delete on building_block
    for each statement execute function raise_change_stamp();
-- a token's "last used" changes on requests, once a minute: that alone leaves the stamp
create trigger workspace_api_token_changed after insert or delete or update of token_hash, workspace_id, revoked_at
    on workspace_api_token for each statement execute function raise_change_stamp();
