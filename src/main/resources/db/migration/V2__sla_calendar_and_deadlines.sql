-- Days the service is closed beyond the shipped bank holidays (a new proclaimed holiday, an office closure)
create table closure_day (
    day      date        primary key,
    reason   text        not null,
    added_by text        not null,
    added_at timestamptz not null
);

-- The deadline ledger: one row per timed step, from the moment it starts until it is done
create table deadline (
    id                  uuid        primary key,
    policy              text        not null,
    subject_type        text        not null,
    subject_id          text        not null,
    process_instance_id text,
    activity_id         text,
    task_id             text,
    step_name           text,
    anchor_at           timestamptz not null,
    amount              integer     not null,
    original_due_at     timestamptz not null,
    due_at              timestamptz not null,
    warn_at             timestamptz not null,
    extended_by         text,
    extension_reason    text,
    extended_at         timestamptz,
    paused_since        timestamptz,
    status              text        not null check (status in ('OPEN', 'MET', 'BREACHED', 'CANCELLED')),
    opened_at           timestamptz not null,
    warned_at           timestamptz,
    breached_at         timestamptz,
    completed_at        timestamptz,
    completed_by        text,
    delay_reason        text,
    delay_reason_by     text,
    version             integer     not null default 0
);

create index deadline_open_by_due on deadline (due_at) where completed_at is null;
create index deadline_by_subject on deadline (subject_type, subject_id);
create index deadline_by_step on deadline (process_instance_id, activity_id) where completed_at is null;
create unique index deadline_by_task on deadline (task_id) where task_id is not null;

-- Stopped clocks (e.g. while an advocate is appointed)
create table deadline_pause (
    deadline_id uuid        not null references deadline (id),
    paused_at   timestamptz not null,
    paused_by   text        not null,
    reason      text        not null,
    resumed_at  timestamptz,
    resumed_by  text,
    primary key (deadline_id, paused_at)
);

-- Everything that happened to a deadline, with who and why: the timeline and the audit
create table deadline_change (
    id          bigint generated always as identity primary key,
    deadline_id uuid        not null references deadline (id),
    changed_at  timestamptz not null,
    changed_by  text        not null,
    kind        text        not null,
    reason      text,
    due_before  timestamptz,
    due_after   timestamptz
);

create index deadline_change_by_deadline on deadline_change (deadline_id, changed_at);
