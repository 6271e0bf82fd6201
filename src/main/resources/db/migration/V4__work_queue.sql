-- The work queue's read model: one row per user task, kept in step with the engine in the same transaction
create table work_item (
    task_id                text        primary key,
    process_instance_id    text        not null,
    process_definition_key text        not null,
    process_type           text        not null,
    task_definition_key    text        not null,
    task_name              text        not null,
    subject_label          text,
    subject_reference      text,
    rag                    text,
    priority               integer     not null,
    due_at                 timestamptz,
    warn_at                timestamptz,
    sla_clock              text,
    candidate_groups       text[]      not null default '{}',
    assignee               text,
    created_at             timestamptz not null,
    state                  text        not null check (state in ('OPEN', 'COMPLETED', 'CANCELLED')),
    ended_at               timestamptz,
    version                integer     not null default 0
);

-- "Assigned to me", by due date
create index work_item_open_by_assignee on work_item (assignee, due_at, task_id) where state = 'OPEN';
-- "My teams' unassigned": group membership by GIN, then by due date
create index work_item_open_by_group on work_item using gin (candidate_groups) where state = 'OPEN';
create index work_item_open_unassigned_by_due on work_item (due_at, task_id) where state = 'OPEN' and assignee is null;
-- Overdue first, for managers
create index work_item_open_by_due on work_item (due_at, task_id) where state = 'OPEN';
-- Search by child name or reference (prefix, case-insensitive)
create index work_item_open_by_label on work_item (lower(subject_label) text_pattern_ops) where state = 'OPEN';
create index work_item_open_by_reference on work_item (lower(subject_reference) text_pattern_ops) where state = 'OPEN';
create index work_item_by_process_instance on work_item (process_instance_id);

-- Who moved whose task to whom, when and why
create table work_item_reassignment (
    id            bigint generated always as identity primary key,
    task_id       text        not null,
    reassigned_at timestamptz not null,
    reassigned_by text        not null,
    from_user     text,
    to_user       text        not null,
    reason        text        not null
);

create index work_item_reassignment_by_task on work_item_reassignment (task_id, reassigned_at);

-- Staff as last seen signed in: who may be given work, and in which groups
create table staff_member (
    username     text        primary key,
    display_name text        not null,
    groups       text[]      not null,
    last_seen_at timestamptz not null
);

create index staff_member_by_group on staff_member using gin (groups);
