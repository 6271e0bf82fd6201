-- The work queue links a task to its own form (the model's form key)
alter table work_item add column form_key text;

-- Each child's triage: who the child is, the flags found, the screening, the threshold decision and the
-- feedback to the referrer. One row per child named in a contact.
alter table contact_child
    add column child_id              uuid references child (id),
    add column identity_confirmed_by text,
    add column open_case             boolean,
    add column re_referral           boolean,
    add column recent_cp_plan        boolean,
    add column rag                   text check (rag in ('RED', 'AMBER', 'GREEN', 'BLUE')),
    add column rag_set_at            timestamptz,
    add column screening_summary     text,
    add column consent_review        text,
    add column recommendation        text,
    add column marac_referral        boolean,
    add column marac_reason          text,
    add column screened_by           text,
    add column screened_at           timestamptz,
    add column level_of_need         integer check (level_of_need between 1 and 4),
    add column outcome               text,
    add column rationale             text,
    add column cse_concern           boolean,
    add column decided_by            text,
    add column decided_at            timestamptz,
    add column feedback_route        text,
    add column feedback_summary      text,
    add column family_letter_route   text,
    add column feedback_by           text,
    add column feedback_at           timestamptz;

create index contact_child_by_child on contact_child (child_id, decided_at) where child_id is not null;
create index contact_child_by_process on contact_child (process_instance_id);

-- Every RAG a triage had: the first rating and every re-rating, with who and why
create table triage_rag (
    id         bigint generated always as identity primary key,
    contact_id uuid        not null,
    position   integer     not null,
    rag        text        not null,
    set_at     timestamptz not null,
    set_by     text        not null,
    reason     text,
    foreign key (contact_id, position) references contact_child (contact_id, position)
);

create index triage_rag_by_triage on triage_rag (contact_id, position, set_at);

-- Information requests to partner agencies: each agency sees its own only
create table agency_check (
    id           uuid        primary key,
    contact_id   uuid        not null,
    position     integer     not null,
    agency       text        not null,
    liaison_group text       not null,
    question     text        not null,
    share_concerns boolean   not null,
    asked_by     text        not null,
    asked_at     timestamptz not null,
    state        text        not null check (state in ('OPEN', 'ANSWERED', 'NO_RESPONSE_IN_TIME', 'WITHDRAWN')),
    answer       text,
    answered_by  text,
    closed_at    timestamptz,
    foreign key (contact_id, position) references contact_child (contact_id, position)
);

create index agency_check_by_triage on agency_check (contact_id, position);
create index agency_check_by_group on agency_check (liaison_group, state);
