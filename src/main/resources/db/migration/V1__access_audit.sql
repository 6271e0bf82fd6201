-- Who viewed or changed what, when and why (ids only: never names, dates of birth or free text)
create table access_audit (
    id           bigint generated always as identity primary key,
    occurred_at  timestamptz not null,
    username     text        not null,
    action       text        not null,
    subject_type text,
    subject_id   text,
    reason       text
);

create index access_audit_by_time on access_audit (occurred_at desc);
create index access_audit_by_user on access_audit (username, occurred_at desc);
create index access_audit_by_subject on access_audit (subject_type, subject_id, occurred_at desc);
