-- Child exploitation screening (../shared/domain.md §3). The instrument is configuration: each version a council
-- loads is kept whole, and a screening keeps the version it was scored with
create table cse_instrument (
    id            text        not null,
    version       integer     not null check (version > 0),
    name          text        not null,
    decision_key  text        not null,
    -- the file's content hash: a version, once loaded, may not change
    checksum      text        not null,
    loaded_at     timestamptz not null,
    primary key (id, version)
);

create table cse_instrument_domain (
    instrument_id      text    not null,
    instrument_version integer not null,
    code               text    not null,
    label              text    not null,
    position           integer not null,
    primary key (instrument_id, instrument_version, code),
    foreign key (instrument_id, instrument_version) references cse_instrument (id, version)
);

create table cse_instrument_indicator (
    instrument_id      text    not null,
    instrument_version integer not null,
    code               text    not null,
    domain_code        text    not null,
    text               text    not null,
    weight             text    not null check (weight in ('LOW', 'MEDIUM', 'HIGH')),
    points             integer not null check (points > 0),
    -- what the indicator means for the floors of the level: DISCLOSURE, REPEAT_MISSING, CONTROLLING_OLDER_ADULT
    marks              text[]  not null default '{}',
    position           integer not null,
    primary key (instrument_id, instrument_version, code),
    foreign key (instrument_id, instrument_version, domain_code)
        references cse_instrument_domain (instrument_id, instrument_version, code)
);

create sequence cse_screening_reference_number;

create table cse_screening (
    id                  uuid        primary key,
    reference           text        not null unique,
    child_id            uuid        not null references child (id),
    -- the child as named at the opening (lists show them without reading the child's record); the front door may
    -- not know the date of birth
    child_given_names   text        not null,
    child_family_name   text        not null,
    child_date_of_birth date,
    instrument_id       text        not null,
    instrument_version  integer     not null,
    opened_at           timestamptz not null,
    opened_by           text        not null,
    -- the level that stands (null until first scored), the one the instrument computed, and the last scoring
    level               text        check (level in ('LOW', 'MEDIUM', 'HIGH')),
    computed_level      text        check (computed_level in ('LOW', 'MEDIUM', 'HIGH')),
    score               integer,
    last_scored_at      timestamptz,
    -- the Children in Need census factors the screening concerns: 10A, 11A, 12A, 13A, 24A
    cin_factors         text[]      not null default '{}',
    awaiting_approval   boolean     not null default false,
    closed_at           timestamptz,
    closed_reason       text        check (closed_reason in ('RISK_REDUCED', 'TURNED_18')),
    process_instance_id text,
    foreign key (instrument_id, instrument_version) references cse_instrument (id, version)
);

-- One open screening per child: a further concern joins it
create unique index cse_screening_one_open_per_child on cse_screening (child_id) where closed_at is null;
create index cse_screening_open_by_level on cse_screening (level, opened_at) where closed_at is null;
create index cse_screening_by_opening on cse_screening (opened_at);

-- What started a screening and every concern that joined it; a delivered event is recorded once
create table cse_trigger (
    id               bigint generated always as identity primary key,
    screening_id     uuid        not null references cse_screening (id),
    source           text        not null check (source in ('FRONT_DOOR', 'MISSING_REPORT', 'RETURN_INTERVIEW',
                                                             'COORDINATOR')),
    source_reference text        not null,
    raised_at        timestamptz not null,
    raised_by        text        not null,
    summary          text        not null,
    unique (source, source_reference)
);

create index cse_trigger_by_screening on cse_trigger (screening_id, raised_at);

-- Each scoring: the first screening and every review, with the inputs given to the decision, what it computed and
-- why (the rules that fired), and the coordinator's judgement
create table cse_scoring (
    id                 uuid        primary key,
    screening_id       uuid        not null references cse_screening (id),
    kind               text        not null check (kind in ('SCREENING', 'REVIEW')),
    scored_at          timestamptz not null,
    scored_by          text        not null,
    recorded_at        timestamptz not null,
    instrument_id      text        not null,
    instrument_version integer     not null,
    score              integer     not null,
    decision_inputs    jsonb       not null,
    rules_fired        jsonb       not null,
    computed_level     text        not null check (computed_level in ('LOW', 'MEDIUM', 'HIGH')),
    -- the coordinator's level; below the computed one it waits for a manager
    proposed_level     text        not null check (proposed_level in ('LOW', 'MEDIUM', 'HIGH')),
    rationale          text,
    -- the level settled by this scoring: null while a lower level waits for approval
    final_level        text        check (final_level in ('LOW', 'MEDIUM', 'HIGH')),
    approval           text        check (approval in ('APPROVED', 'REFUSED')),
    approved_by        text,
    approved_at        timestamptz,
    approval_note      text,
    summary            text,
    closes             boolean     not null default false,
    foreign key (instrument_id, instrument_version) references cse_instrument (id, version)
);

create index cse_scoring_by_screening on cse_scoring (screening_id, scored_at);

create table cse_scoring_indicator (
    scoring_id     uuid    not null references cse_scoring (id),
    indicator_code text    not null,
    answer         text    not null check (answer in ('PRESENT', 'POSSIBLE', 'ABSENT')),
    observed_on    date,
    agency         text,
    basis          text    check (basis in ('EVIDENCE', 'CONCERN')),
    note           text,
    -- not seen within the drop-out period at a review: shown, not scored
    dropped_out    boolean not null default false,
    primary key (scoring_id, indicator_code)
);

-- What each level's actions recorded: advice or a step-down, a risk management meeting, a strategy discussion, a
-- referral to the MACE panel
create table cse_action (
    id           bigint generated always as identity primary key,
    screening_id uuid        not null references cse_screening (id),
    kind         text        not null check (kind in ('STEP_DOWN', 'RISK_MANAGEMENT_MEETING', 'STRATEGY_DISCUSSION',
                                                      'MACE_REFERRAL')),
    held_at      timestamptz not null,
    attendees    text,
    outcome      text        not null,
    recorded_at  timestamptz not null,
    recorded_by  text        not null
);

create index cse_action_by_screening on cse_action (screening_id, held_at);

-- A medium-risk child's safety plan, versioned: a revision is a new version, the old ones kept
create table cse_safety_plan (
    id           bigint generated always as identity primary key,
    screening_id uuid        not null references cse_screening (id),
    version      integer     not null,
    summary      text        not null,
    recorded_at  timestamptz not null,
    recorded_by  text        not null,
    unique (screening_id, version)
);

create table cse_safety_plan_action (
    plan_id  bigint  not null references cse_safety_plan (id),
    position integer not null,
    action   text    not null,
    owner    text    not null,
    due_on   date    not null,
    primary key (plan_id, position)
);

-- The screening's timeline
create table cse_screening_event (
    id           bigint generated always as identity primary key,
    screening_id uuid        not null references cse_screening (id),
    occurred_at  timestamptz not null,
    actor        text        not null,
    summary      text        not null
);

create index cse_screening_event_by_screening on cse_screening_event (screening_id, occurred_at);

-- Places and groups (contextual safeguarding): recorded once, linked to every child screened in connection with them
create table cse_place (
    id          uuid        primary key,
    kind        text        not null check (kind in ('LOCATION', 'PEER_GROUP', 'SCHOOL', 'ONLINE_SPACE', 'ASSOCIATE')),
    name        text        not null,
    description text,
    recorded_at timestamptz not null,
    recorded_by text        not null
);

create unique index cse_place_one_name_per_kind on cse_place (kind, lower(name));

create table cse_place_link (
    place_id     uuid        not null references cse_place (id),
    screening_id uuid        not null references cse_screening (id),
    child_id     uuid        not null references child (id),
    linked_at    timestamptz not null,
    linked_by    text        not null,
    note         text,
    primary key (place_id, screening_id)
);

create index cse_place_link_by_child on cse_place_link (child_id);

-- The MACE panel's meetings: "new since the last panel" counts from the last one held
create table cse_panel (
    held_on     date        primary key,
    recorded_at timestamptz not null,
    recorded_by text        not null
);
