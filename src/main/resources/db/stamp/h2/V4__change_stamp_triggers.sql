-- Raise the change stamp (V3) in the transaction of every statement that changes users,
-- workspaces, memberships, ChatGPT settings, building blocks or API tokens. H2 runs Java triggers only.

create trigger app_user_changed after insert, update, delete on app_user
    for each statement call 'com.chatgptconnector.persistence.ChangeStampTrigger';
create trigger workspace_changed after insert, update, delete on workspace
    for each statement call 'com.chatgptconnector.persistence.ChangeStampTrigger';
create trigger workspace_member_changed after insert, update, delete on workspace_member
    for each statement call 'com.chatgptconnector.persistence.ChangeStampTrigger';
create trigger chatgpt_settings_changed after insert, update, delete on chatgpt_settings
    for each statement call 'com.chatgptconnector.persistence.ChangeStampTrigger';
create trigger building_block_changed after insert, update, delete on building_block
    for each statement call 'com.chatgptconnector.persistence.ChangeStampTrigger';
-- a token's "last used" changes on requests, once a minute: that alone leaves the stamp (a row
-- trigger, which sees what changed)
create trigger workspace_api_token_changed after insert, update, delete on workspace_api_token
    for each row call 'com.chatgptconnector.persistence.ChangeStampTrigger';
