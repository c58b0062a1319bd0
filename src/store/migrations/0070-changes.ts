/**
 * Version 70: the change log behind the live desk. Triggers note every change to an item,
 * a batch or the settings, whichever process makes it (app, desk server, CLI), so every
 * open view can follow the desk (service/changes). 'item' is a save or a new item, 'queue'
 * a move through the workflow (status or version). Only the newest rows are kept.
 * Shipped: never edit.
 */
export const version = 70;
export const sql = /* sql */ `
CREATE TABLE changes (
  seq INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('item','queue','batch','settings')),
  key TEXT NOT NULL
) STRICT;

CREATE TRIGGER changes_item_insert AFTER INSERT ON items BEGIN
  INSERT INTO changes (kind, key) VALUES ('item', NEW.id);
END;
CREATE TRIGGER changes_item_update AFTER UPDATE ON items
WHEN NEW.revision IS NOT OLD.revision OR NEW.status IS NOT OLD.status OR NEW.version IS NOT OLD.version OR NEW.updated_at IS NOT OLD.updated_at
BEGIN
  INSERT INTO changes (kind, key)
  VALUES (CASE WHEN NEW.status IS NOT OLD.status OR NEW.version IS NOT OLD.version THEN 'queue' ELSE 'item' END, NEW.id);
END;
CREATE TRIGGER changes_batch_insert AFTER INSERT ON batches BEGIN
  INSERT INTO changes (kind, key) VALUES ('batch', NEW.id);
END;
CREATE TRIGGER changes_batch_update AFTER UPDATE ON batches BEGIN
  INSERT INTO changes (kind, key) VALUES ('batch', NEW.id);
END;
CREATE TRIGGER changes_settings_insert AFTER INSERT ON settings BEGIN
  INSERT INTO changes (kind, key) VALUES ('settings', NEW.key);
END;
CREATE TRIGGER changes_settings_update AFTER UPDATE ON settings BEGIN
  INSERT INTO changes (kind, key) VALUES ('settings', NEW.key);
END;
-- A reader more than this far behind refreshes everything instead (see service/changes).
CREATE TRIGGER changes_keep_newest AFTER INSERT ON changes BEGIN
  DELETE FROM changes WHERE seq <= NEW.seq - 10000;
END;
`;
