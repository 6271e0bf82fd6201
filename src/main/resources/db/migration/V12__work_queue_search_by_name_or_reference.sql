-- A search looks up a child's name or a reference, never both: a reference has a digit in it and a name never does
-- (Query). Measured at 1,000,000 open items by the benchmark (README).
--
-- The name searched is a column of its own, lower case and in the "C" collation: PostgreSQL keeps statistics for
-- it, so it knows how many children's names start "Ameli" (thousands) and how many start "Zebedee" (a handful).
-- For a common name it walks the due-order index and stops at the page's 50th match; for a rare one it goes
-- straight to the few names and sorts them. Without those statistics it guessed the same for every search.
alter table work_item add column search_name text collate "C" generated always as (lower(subject_label)) stored;

drop index work_item_open_by_label;
create index work_item_open_by_name on work_item (search_name)
    include (due_at, task_id, candidate_groups, assignee, rag, process_definition_key)
    where state = 'OPEN';

-- References are few to a prefix: their index alone answers, and carries what the lists filter on
drop index work_item_open_by_reference;
create index work_item_open_by_reference on work_item (lower(subject_reference) text_pattern_ops)
    include (subject_reference, due_at, task_id, candidate_groups, assignee, rag, process_definition_key)
    where state = 'OPEN';

-- The due-order walks carry the name searched, so a search's page and counts never visit the table (V11)
drop index work_item_open_by_due;
create index work_item_open_by_due on work_item (due_at, task_id)
    include (candidate_groups, assignee, search_name, subject_reference, rag, process_definition_key)
    where state = 'OPEN';

drop index work_item_open_unassigned_by_due;
create index work_item_open_unassigned_by_due on work_item (due_at, task_id)
    include (candidate_groups, search_name, subject_reference, rag, process_definition_key)
    where state = 'OPEN' and assignee is null;
