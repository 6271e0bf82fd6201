-- The dashboard's children missing now show their last risk review: kept on the episode, so the list reads one
-- index and no review rows
alter table missing_episode add column last_reviewed_at timestamptz;

update missing_episode e
set last_reviewed_at = r.reviewed_at
from (select episode_id, max(reviewed_at) as reviewed_at from missing_risk_review group by episode_id) r
where r.episode_id = e.id;
