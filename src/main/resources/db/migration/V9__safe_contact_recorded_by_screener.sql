-- Who at the front door recorded that a domestic-abuse victim may be contacted safely: a referrer's word
-- alone never allows correspondence
alter table contact add column safe_contact_recorded_by text;
