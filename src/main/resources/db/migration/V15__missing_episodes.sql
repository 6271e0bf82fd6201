-- Children who go missing (DfE statutory guidance 2014): each episode with its times, the risk reviews while the
-- child is missing, the meetings it calls for, and the return home interview
create sequence missing_episode_reference_number;

create table missing_episode (
    id                             uuid        primary key,
    reference                      text        not null unique,
    child_id                       uuid        not null references child (id),
    -- the child as the report named them (lists show them without reading the child's record)
    child_given_names              text        not null,
    child_family_name              text        not null,
    child_date_of_birth            date        not null,
    -- SSDA903: M missing (whereabouts unknown), A away (known, but away without permission)
    type                           text        not null check (type in ('M', 'A')),
    risk_grade                     text        not null,
    last_seen_at                   timestamptz not null,
    left_at                        timestamptz,
    -- the later of leaving and being last seen by a responsible adult
    started_at                     timestamptz not null,
    reported_at                    timestamptz not null,
    reported_by_name               text        not null,
    reported_by_role               text        not null,
    reporting_agency               text,
    recorded_at                    timestamptz not null,
    recorded_by                    text        not null,
    channel                        text        not null check (channel in ('STAFF', 'PARTNER_API')),
    police_reference               text,
    placement                      text,
    placing_authority              text,
    placing_authority_contact      text,
    circumstances                  text,
    exploitation_indicators        text[]      not null default '{}',
    repeat_missing                 boolean     not null default false,
    returned_at                    timestamptz,
    found_by                       text,
    found_where                    text,
    return_recorded_at             timestamptz,
    return_recorded_by             text,
    prevention_interview_at        timestamptz,
    prevention_interview_by        text,
    -- the RETURN_HOME_INTERVIEW deadline, as the SLA engine computed it at the return
    interview_due_at               timestamptz,
    interview_recorded_at          timestamptz,
    exploitation_concern_raised_at timestamptz,
    process_instance_id            text,
    idempotency_key                text,
    request_hash                   text,
    version                        integer     not null default 0,
    check (returned_at is null or returned_at >= started_at),
    unique (recorded_by, idempotency_key)
);

-- At most one open episode per child; a second report while one is open is refused
create unique index missing_episode_one_open_per_child on missing_episode (child_id) where returned_at is null;
create index missing_episode_by_child on missing_episode (child_id, started_at);
create index missing_episode_open on missing_episode (started_at) where returned_at is null;
create index missing_episode_by_return on missing_episode (returned_at);
create index missing_episode_by_police_reference on missing_episode (police_reference);
-- The coordinator's dashboard: returned and awaiting the interview, soonest due first; repeat-missing children
create index missing_episode_awaiting_interview on missing_episode (interview_due_at)
    where returned_at is not null and interview_recorded_at is null;
create index missing_episode_repeat on missing_episode (started_at) where repeat_missing;

-- What happened to an episode, for its page and timeline
create table missing_episode_event (
    id          bigint generated always as identity primary key,
    episode_id  uuid        not null references missing_episode (id),
    occurred_at timestamptz not null,
    actor       text        not null,
    summary     text        not null
);

create index missing_episode_event_by_episode on missing_episode_event (episode_id, occurred_at);

-- Each risk review while the child is missing; a change of grade is audited with its reason
create table missing_risk_review (
    id          bigint generated always as identity primary key,
    episode_id  uuid        not null references missing_episode (id),
    reviewed_at timestamptz not null,
    reviewed_by text        not null,
    grade_from  text        not null,
    grade_to    text        not null,
    reason      text,
    notes       text        not null
);

create index missing_risk_review_by_episode on missing_risk_review (episode_id, reviewed_at);

-- Strategy discussions and repeat-missing multi-agency meetings
create table missing_meeting (
    id          bigint generated always as identity primary key,
    episode_id  uuid        not null references missing_episode (id),
    kind        text        not null check (kind in ('STRATEGY_DISCUSSION', 'REPEAT_MISSING_MEETING')),
    held_at     timestamptz not null,
    attendees   text        not null,
    outcome     text        not null,
    actions     text,
    recorded_at timestamptz not null,
    recorded_by text        not null
);

-- The return home interview: one per episode. Whether it was in time is the ledger's (interview_due_at), never typed
create table return_interview (
    episode_id              uuid        primary key references missing_episode (id),
    offered_at              timestamptz not null,
    offered_how             text        not null,
    offered_by              text        not null,
    outcome                 text        not null check (outcome in ('HELD', 'DECLINED', 'NOT_POSSIBLE')),
    outcome_reason          text,
    carer_knows             text,
    held_at                 timestamptz,
    held_where              text,
    interviewer             text,
    provider_type           text check (provider_type in ('COUNCIL_TEAM', 'COMMISSIONED_SERVICE', 'SOCIAL_WORKER',
                                                          'OTHER')),
    before_episode          text,
    during_episode          text,
    after_episode           text,
    push_factors            text[]      not null default '{}',
    pull_factors            text[]      not null default '{}',
    factors_note            text,
    harm                    text,
    child_words             text,
    actions                 text,
    intelligence_to_police  boolean     not null,
    intelligence_note       text,
    exploitation_indicators text[]      not null default '{}',
    recorded_at             timestamptz not null,
    recorded_by             text        not null,
    due_at                  timestamptz not null
);

create index return_interview_by_recorded on return_interview (recorded_at);
