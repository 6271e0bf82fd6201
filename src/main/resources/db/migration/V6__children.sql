-- Children known to the front door: one record each, matched by NHS number or by name and date of birth,
-- never merged without a person confirming
create table child (
    id                  uuid        primary key,
    given_names         text        not null,
    family_name         text        not null,
    matching_name       text        not null,
    date_of_birth       date,
    gender              text,
    nhs_number          char(10)    unique,
    address             text,
    school              text,
    looked_after        boolean     not null default false,
    allocated_worker    text,
    created_at          timestamptz not null
);

create index child_by_matching_name on child (matching_name, date_of_birth);

-- Child protection plans, for the "CP plan in the last 2 years" flag
create table child_protection_plan (
    child_id   uuid not null references child (id),
    started_on date not null,
    ended_on   date,
    primary key (child_id, started_on)
);

-- Everything that happened in a child's case, with who and when
create table chronology_entry (
    id          bigint generated always as identity primary key,
    child_id    uuid        not null references child (id),
    occurred_at timestamptz not null,
    kind        text        not null,
    summary     text        not null,
    actor       text        not null,
    reference   text
);

create index chronology_by_child on chronology_entry (child_id, occurred_at, id);
