-- Notice e-mails: each a row written in the notice's own transaction, delivered afterwards by the outbox sender, so
-- a hung or refusing mail server delays no request and no timer. A row is claimed by one node at a time (a lease),
-- retried with back-off, and given up after so many attempts (then shown to hub-admin). A mail holds a reference
-- and a link, never personal details, as its notice does.
create table mail_outbox (
    id              bigint generated always as identity primary key,
    created_at      timestamptz not null,
    recipient       text        not null,
    -- who the recipient is, for logs and the admin page: "the mash-manager mailbox", "a person", "an outside contact"
    recipient_kind  text        not null,
    subject         text        not null,
    body            text        not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    claimed_by      text,
    claimed_until   timestamptz,
    last_error      text,
    last_attempt_at timestamptz,
    sent_at         timestamptz,
    given_up_at     timestamptz
);

create index mail_outbox_waiting on mail_outbox (next_attempt_at) where sent_at is null and given_up_at is null;
create index mail_outbox_given_up on mail_outbox (given_up_at) where given_up_at is not null;
create index mail_outbox_sent on mail_outbox (sent_at) where sent_at is not null;
