-- Appending an audit row in one call: the head locked (created for an organization's first row),
-- the row's id drawn after it, the row's hash computed, the row inserted and the head moved to it.
-- It took two round trips from the engine (the head's id and previous hash first, the row after
-- the engine hashed it). The engine sends the canonical encoding of the row's fields and the
-- encoding's prefix (AuditHashes.fields, AuditHashes.prefix); the hash is SHA-256 over
-- prefix || id || fields || length and bytes of the previous hash, the same bytes AuditHashes.hash
-- digests, so the engine verifies chains written either way.
CREATE FUNCTION stockage_audit_append(p_org text, p_actor text, p_action text, p_target text,
    p_outcome text, p_keys text[], p_values text[], p_at timestamptz, p_genesis text,
    p_prefix bytea, p_fields bytea)
RETURNS bigint
LANGUAGE plpgsql
AS $$
DECLARE
  v_id bigint;
  v_prev text;
  v_hash text;
BEGIN
  -- An upsert locks the head until the transaction ends; a concurrent first append waits on the
  -- unique key, then locks. Only then is the id drawn: ids grow in chain order.
  INSERT INTO audit_heads AS h (org_id, last_id, last_hash) VALUES (p_org, 0, p_genesis)
  ON CONFLICT (org_id) DO UPDATE SET last_id = h.last_id
  RETURNING nextval(pg_get_serial_sequence('audit_log', 'id')), h.last_hash INTO v_id, v_prev;
  v_hash := encode(sha256(p_prefix || int8send(v_id) || p_fields
      || int4send(octet_length(convert_to(v_prev, 'UTF8'))) || convert_to(v_prev, 'UTF8')), 'hex');
  INSERT INTO audit_log (id, org_id, actor, action, target, outcome, details, at, prev_hash, hash)
  VALUES (v_id, p_org, p_actor, p_action, p_target, p_outcome, jsonb_object(p_keys, p_values), p_at, v_prev,
      v_hash);
  UPDATE audit_heads SET last_id = v_id, last_hash = v_hash WHERE org_id = p_org;
  RETURN v_id;
END
$$;
