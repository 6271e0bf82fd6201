-- Where to e-mail a person their own notices (from Keycloak's email claim)
alter table staff_member add column email text;
