-- Indexes for the staff queue, the outbox list and the channel counts at scale (100 k items, 500 k outbox
-- rows): the lists filter, count and page in SQL. Indexes only - V1's tables and triggers stay as they are.
-- An item's page in id order, and its type/kind filters.
CREATE INDEX DISC_ITEM_BUREAU ON DISC_ITEM (BUREAU, ID)
;
CREATE INDEX DISC_ITEM_BUREAU_DUE ON DISC_ITEM (BUREAU, DUE_ON, ID)
;
-- An item's status is the latest event that sets one; its withdrawal request is found by type.
CREATE INDEX DISC_EVENT_ITEM_STATUS ON DISC_EVENT (ITEM_ID, STATUS, ID)
;
CREATE INDEX DISC_EVENT_ITEM_TYPE ON DISC_EVENT (ITEM_ID, TYPE, ID)
;
-- The outbox list (by state, by channel, newest first) and the channel counts (GROUP BY CHANNEL, STATE).
CREATE INDEX DISC_OUTBOX_LIST ON DISC_OUTBOX (BUREAU, STATE, ID)
;
CREATE INDEX DISC_OUTBOX_CHANNEL ON DISC_OUTBOX (BUREAU, CHANNEL, STATE, CREATED_AT)
;
