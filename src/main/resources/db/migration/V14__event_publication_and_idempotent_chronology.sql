-- Spring Modulith's event publication registry: an event is kept with the transaction that published it and
-- marked complete once its listener has run, so one that was not delivered (a crash, a failing listener) is
-- delivered again at the next start
create table event_publication (
    id               uuid        not null primary key,
    listener_id      text        not null,
    event_type       text        not null,
    serialized_event text        not null,
    publication_date timestamptz not null,
    completion_date  timestamptz
);

create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- The chronology is written from events, which may be delivered twice (again after a restart): the same entry
-- is written once
create unique index chronology_entry_once on chronology_entry (child_id, occurred_at, kind, coalesce(reference, ''),
    md5(summary));
