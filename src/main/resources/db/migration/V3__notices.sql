-- Notices to a person or a group: a reference and a link, never personal details
create table notice (
    id              bigint generated always as identity primary key,
    created_at      timestamptz not null,
    recipient_user  text,
    recipient_group text,
    reference       text        not null,
    message         text        not null,
    link            text        not null,
    check (recipient_user is not null or recipient_group is not null)
);

create index notice_by_user on notice (recipient_user, created_at desc) where recipient_user is not null;
create index notice_by_group on notice (recipient_group, created_at desc) where recipient_group is not null;

-- Who has read which notice (a group notice is read by each member for themselves)
create table notice_read (
    notice_id bigint      not null references notice (id),
    username  text        not null,
    read_at   timestamptz not null,
    primary key (notice_id, username)
);
