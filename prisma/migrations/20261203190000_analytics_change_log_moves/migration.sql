-- An UPDATE logged only its rows' new wave: a response moved to another wave stayed counted in
-- the replica's table of the wave it left. Updates now log the wave each row had before too (the
-- same pair once when the wave is unchanged, so ordinary updates log no more than before).
CREATE FUNCTION analytics_log_response_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analytics_change (wave_id, response_id)
  SELECT wave_id, id FROM new_rows UNION SELECT wave_id, id FROM old_rows;
  RETURN NULL;
END
$$;

DROP TRIGGER response_updated_log ON response;
CREATE TRIGGER response_updated_log AFTER UPDATE ON response
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_log_response_update();
