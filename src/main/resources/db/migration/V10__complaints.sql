-- Complaints under the Children Act 1989 representations procedure (SI 2006/1738): the complaint as received,
-- its elements with a finding per stage, each stage's request, deadline, extension and response, and what happened
create sequence complaint_reference_number;

create table complaint (
    id                        uuid        primary key,
    reference                 text        not null unique,
    received_at               timestamptz not null,
    received_via              text        not null,
    logged_at                 timestamptz not null,
    logged_by                 text        not null,
    complainant_name          text        not null,
    complainant_contact       text        not null,
    complainant_type          text        not null,
    child_name                text,
    child_date_of_birth       date,
    child_consent             text,
    child_consent_note        text,
    matter_arose_on           date        not null,
    advocacy_offered          boolean     not null,
    advocacy_accepted         boolean,
    advocate                  text,
    desired_outcome           text,
    status                    text        not null check (status in ('OPEN', 'AWAITING_STAGE_2_REQUEST',
                                                'AWAITING_STAGE_3_REQUEST', 'CLOSED')),
    stage                     integer     not null check (stage between 1 and 3),
    acknowledged_at           timestamptz,
    acknowledged_by           text,
    eligible                  boolean,
    eligibility_note          text,
    late_acceptance_reason    text,
    accepted_by               text,
    stage_1_responder         text,
    investigating_officer     text,
    independent_person        text,
    panel_members             text[],
    window_closes_at          timestamptz,
    closed_at                 timestamptz,
    closure                   text check (closure in ('NOT_ELIGIBLE', 'OUT_OF_TIME', 'RESOLVED_AT_STAGE_1',
                                                'RESOLVED_AT_STAGE_2', 'REVIEW_COMPLETED', 'WITHDRAWN')),
    withdrawal_reason         text,
    ombudsman_referred_on     date,
    ombudsman_reference       text,
    process_instance_id       text,
    version                   integer     not null default 0
);

create index complaint_open on complaint (received_at) where closed_at is null;
create index complaint_by_received on complaint (received_at);
create index complaint_by_responder on complaint (stage_1_responder);
create index complaint_by_investigating_officer on complaint (investigating_officer);

-- What the complaint is about, one line each: each gets its own finding at every stage
create table complaint_element (
    complaint_id uuid    not null references complaint (id),
    position     integer not null,
    summary      text    not null,
    theme        text    not null,
    primary key (complaint_id, position)
);

create table complaint_finding (
    complaint_id uuid        not null,
    position     integer     not null,
    stage        integer     not null check (stage between 1 and 3),
    finding      text        not null check (finding in ('UPHELD', 'PARTLY_UPHELD', 'NOT_UPHELD')),
    proposed_finding text    check (proposed_finding in ('UPHELD', 'PARTLY_UPHELD', 'NOT_UPHELD')),
    note         text,
    recorded_by  text        not null,
    recorded_at  timestamptz not null,
    primary key (complaint_id, position, stage),
    foreign key (complaint_id, position) references complaint_element (complaint_id, position)
);

-- One row per stage reached: when it was asked for (and, if late, who accepted it and why), its anchor, its
-- deadline as the SLA engine set it, any extension, and the response
create table complaint_stage (
    complaint_id          uuid        not null references complaint (id),
    stage                 integer     not null check (stage between 1 and 3),
    requested_at          timestamptz not null,
    request_window_closed_at timestamptz,
    late_request_reason   text,
    late_request_accepted_by text,
    started_at            timestamptz,
    extended_to           integer,
    extension_reason      text,
    extended_by           text,
    extension_notice_on   date,
    responded_at          timestamptz,
    response_due_at       timestamptz,
    in_time               boolean,
    working_days          integer,
    report_summary        text,
    response_summary      text,
    primary key (complaint_id, stage)
);

create index complaint_stage_by_requested on complaint_stage (requested_at);
create index complaint_stage_by_responded on complaint_stage (responded_at);

-- What happened to a complaint, for its timeline: logged, acknowledged, allocated, extended, withdrawn...
create table complaint_event (
    id           bigint generated always as identity primary key,
    complaint_id uuid        not null references complaint (id),
    occurred_at  timestamptz not null,
    occurred_by  text        not null,
    what         text        not null
);

create index complaint_event_by_complaint on complaint_event (complaint_id, occurred_at);
