-- Users of an OpenID Connect provider (issue 31), created at their first sign-in: known by the
-- provider's issuer and their subject there (a username may change at the provider, the subject
-- never does), and without a password, which only local accounts have.
alter table app_user alter column password_hash drop not null;
alter table app_user add column issuer varchar(500);
alter table app_user add column subject varchar(255);
-- both null for local accounts; a unique constraint lets any number of those be null
alter table app_user add constraint app_user_federated_uk unique (issuer, subject);
