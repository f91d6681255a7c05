-- The head of each organization's audit hash chain: the id and hash of the row appended last.
-- An append locks its organization's head until its transaction ends, so concurrent transactions
-- chain in order and never fork. The head lives apart from the rows so that deleting the last
-- rows is detected too (the head would name a row that is gone).
--
-- Rows written before this migration carry no hash: chain_start is the id of the last of them, the
-- organization's chain starts after it (its first chained row follows the genesis hash), and
-- verification counts them as not covered rather than as broken.
CREATE TABLE audit_heads (
    org_id       text PRIMARY KEY,
    last_id      bigint NOT NULL,
    last_hash    text NOT NULL,
    chain_start  bigint NOT NULL DEFAULT 0
);

INSERT INTO audit_heads (org_id, last_id, last_hash, chain_start)
SELECT org_id, max(id), repeat('0', 64), max(id)
FROM audit_log
GROUP BY org_id;
