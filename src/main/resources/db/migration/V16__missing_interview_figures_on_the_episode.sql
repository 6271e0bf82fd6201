-- The interviews' figures for a period come from the episode rows alone, in one index and without a join: the
-- interview's outcome, who held it, and whether the ledger's deadline was met, written with the interview
alter table missing_episode
    add column interview_outcome       text,
    add column interview_provider_type text,
    add column interview_in_time       boolean;

update missing_episode e
set interview_outcome = i.outcome,
    interview_provider_type = case when i.outcome = 'HELD' then i.provider_type end,
    interview_in_time = i.recorded_at <= i.due_at
from return_interview i
where i.episode_id = e.id;

drop index missing_episode_by_return;
create index missing_episode_returns on missing_episode (returned_at)
    include (interview_outcome, interview_provider_type, interview_in_time) where returned_at is not null;
