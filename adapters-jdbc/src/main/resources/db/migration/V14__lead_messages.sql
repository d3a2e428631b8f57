-- Messages on the leads' timeline (seed 002) and lastAction (seed 003). Every key includes workspace_id.

-- The direction of a MESSAGE or FOLLOW_UP_MESSAGE log (null for every other type), so lastAction —
-- the most recent COMPLETED OUTBOUND message or follow-up — is one index walk, newest completion
-- first, for a lead and for a page of leads, however many other logs the lead has.
ALTER TABLE action_logs ADD COLUMN message_direction VARCHAR(10);
UPDATE action_logs SET message_direction = 'OUTBOUND' WHERE type = 'FOLLOW_UP_MESSAGE';
UPDATE action_logs SET message_direction = 'OUTBOUND'
 WHERE type = 'MESSAGE' AND input LIKE '%"direction":"OUTBOUND"%';
UPDATE action_logs SET message_direction = 'INBOUND'
 WHERE type = 'MESSAGE' AND input LIKE '%"direction":"INBOUND"%';
CREATE INDEX ix_action_logs_last_action
    ON action_logs (workspace_id, lead_id, message_direction, status, completed_at, id);

CREATE TABLE messages (
    workspace_id  UUID          NOT NULL,
    id            UUID          NOT NULL,
    action_log_id UUID          NOT NULL,
    lead_id       UUID          NOT NULL,
    channel       VARCHAR(10)   NOT NULL,
    direction     VARCHAR(10)   NOT NULL,
    subject       VARCHAR(1000),
    body          TEXT          NOT NULL,
    from_address  VARCHAR(500),
    -- JSON array of the recipients as written
    to_addresses  TEXT          NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_messages PRIMARY KEY (workspace_id, id),
    CONSTRAINT fk_messages_action_log FOREIGN KEY (workspace_id, action_log_id)
        REFERENCES action_logs (workspace_id, id),
    CONSTRAINT fk_messages_lead FOREIGN KEY (workspace_id, lead_id) REFERENCES leads (workspace_id, id)
);
-- The messages of a page of logs, in order.
CREATE INDEX ix_messages_action_log ON messages (workspace_id, action_log_id, created_at, id);

-- The lead's documents a message carried (its attachments, or documents it named), in order.
CREATE TABLE message_documents (
    workspace_id UUID    NOT NULL,
    message_id   UUID    NOT NULL,
    document_id  UUID    NOT NULL,
    position     INTEGER NOT NULL,
    CONSTRAINT pk_message_documents PRIMARY KEY (workspace_id, message_id, document_id),
    CONSTRAINT fk_message_documents_message FOREIGN KEY (workspace_id, message_id)
        REFERENCES messages (workspace_id, id),
    CONSTRAINT fk_message_documents_document FOREIGN KEY (workspace_id, document_id)
        REFERENCES documents (workspace_id, id)
);
