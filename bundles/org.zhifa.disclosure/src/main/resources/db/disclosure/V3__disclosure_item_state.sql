-- Each item's current state, for the staff queue's status and due filters at scale: its status (the STATUS of
-- its latest event that sets one) and the day its withdrawal request is due by (DATA's dueOn of its
-- WITHDRAWAL_REQUESTED event; an item is asked to be withdrawn at most once). DISC_EVENT stays the truth and
-- stays insert-only; this table is a projection of it, which Store keeps current in the same transaction as
-- every event that sets a status or requests a withdrawal. Updating its rows is therefore fine (no append-only
-- trigger here): it records nothing that the events do not.
CREATE TABLE DISC_ITEM_STATE (
  ITEM_ID BIGINT NOT NULL PRIMARY KEY REFERENCES DISC_ITEM (ID),
  BUREAU VARCHAR(12) NOT NULL,
  STATUS VARCHAR(16) NOT NULL,
  WITHDRAWAL_DUE_ON DATE
)
;
-- Filled from the events as they stand, the way the lists derived it before (PENDING before any status).
INSERT INTO DISC_ITEM_STATE (ITEM_ID, BUREAU, STATUS, WITHDRAWAL_DUE_ON)
  SELECT I.ID, I.BUREAU, COALESCE(S.STATUS, 'PENDING'), R.WDUE FROM DISC_ITEM I
  LEFT JOIN (SELECT E.ITEM_ID, MAX(E.ID) AS SID FROM DISC_EVENT E WHERE E.STATUS IS NOT NULL GROUP BY E.ITEM_ID) L
    ON L.ITEM_ID = I.ID
  LEFT JOIN DISC_EVENT S ON S.ID = L.SID
  LEFT JOIN (SELECT W.ITEM_ID, MAX(DATE(CAST(SUBSTR(W.DATA, LOCATE('"dueOn":"', W.DATA) + 9, 10) AS VARCHAR(10))))
      AS WDUE FROM DISC_EVENT W WHERE W.TYPE = 'WITHDRAWAL_REQUESTED' GROUP BY W.ITEM_ID) R
    ON R.ITEM_ID = I.ID
;
-- The queue filtered by status (newest first) and by a withdrawal's day due.
CREATE INDEX DISC_ITEM_STATE_STATUS ON DISC_ITEM_STATE (BUREAU, STATUS, ITEM_ID)
;
CREATE INDEX DISC_ITEM_STATE_WDUE ON DISC_ITEM_STATE (BUREAU, STATUS, WITHDRAWAL_DUE_ON)
;
