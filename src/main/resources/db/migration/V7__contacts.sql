-- Contacts sent to the front door, as received: free text kept exactly as given
create sequence contact_reference_number;

create table contact (
    id                       uuid        primary key,
    reference                text        not null unique,
    received_at              timestamptz not null,
    recorded_at              timestamptz not null,
    recorded_by              text        not null,
    channel                  text        not null,
    referrer_name            text        not null,
    referrer_agency          text        not null,
    referrer_role            text,
    referrer_phone           text,
    referrer_email           text,
    feedback_route           text        not null,
    concerns                 text        not null,
    categories               text[]      not null,
    consent_status           text        not null,
    consent_given_by         text,
    consent_not_sought_reason text,
    consent_lawful_basis     text,
    consent_override_reason  text,
    consent_authorised_by    text,
    dash_ticks               integer,
    incidents_last_12_months integer,
    safe_to_contact_victim   boolean,
    safe_contact_route       text,
    idempotency_key          text        not null,
    request_hash             text        not null,
    unique (recorded_by, idempotency_key)
);

create index contact_by_received on contact (received_at);

-- Each child named in a contact (siblings share it); each gets their own triage
create table contact_child (
    contact_id          uuid    not null references contact (id),
    position            integer not null,
    given_names         text    not null,
    family_name         text    not null,
    date_of_birth       date,
    gender              text,
    nhs_number          char(10),
    address             text,
    school              text,
    process_instance_id text,
    primary key (contact_id, position)
);
