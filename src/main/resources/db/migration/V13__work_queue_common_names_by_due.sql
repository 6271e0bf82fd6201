-- A search for a common name ("Amelia", thousands of open items) wants its first page soonest due first. Walking the
-- due-order index for it (V12) reads every open item until 50 of them match: about 5,000 at 1,000,000 open items.
-- Grouped by the name's first three letters (Query), that walk reads only the names starting so: about 100.
-- Shorter and rare searches still go to work_item_open_by_name.
create index work_item_open_by_name_start_and_due on work_item (left(search_name, 3), due_at, task_id)
    include (search_name, candidate_groups, assignee, rag, process_definition_key)
    where state = 'OPEN';
