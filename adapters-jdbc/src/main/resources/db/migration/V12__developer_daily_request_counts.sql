-- Requests per developer-API user per UTC day (the vendor's 10,000 a day), over all of the user's keys,
-- shared by every instance (rate limiting; the per-key minute windows are in developer_request_counts).
CREATE TABLE developer_daily_request_counts (
    workspace_id  UUID    NOT NULL,
    user_id       UUID    NOT NULL,
    day_start     TIMESTAMP WITH TIME ZONE NOT NULL,
    request_count INTEGER NOT NULL,
    CONSTRAINT pk_developer_daily_request_counts PRIMARY KEY (workspace_id, user_id, day_start),
    CONSTRAINT fk_developer_daily_request_counts_user FOREIGN KEY (workspace_id, user_id) REFERENCES users (workspace_id, id)
);
CREATE INDEX ix_developer_daily_request_counts_day ON developer_daily_request_counts (day_start);
