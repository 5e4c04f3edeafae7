-- Tandem store, schema version 4: networks' predictions, computed once per database and reused by later sessions.
-- network_sha256 is the SHA-256 of the network's versioned key (its spec, weights and preprocessing; network holds the
-- key's text), stimulus_sha256 that of the exact image the network was given; vector is the network's output for it
-- as little-endian float32. A new network version gets a new key, so older rows are simply not found.
CREATE TABLE prediction (
    network_sha256  CHARACTER(64)            NOT NULL,
    stimulus_sha256 CHARACTER(64)            NOT NULL,
    network         CHARACTER VARYING        NOT NULL,
    vector          BINARY VARYING           NOT NULL,
    computed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    row_check       CHARACTER(16),
    CONSTRAINT prediction_pk PRIMARY KEY (network_sha256, stimulus_sha256)
);
