-- Conversation prompts (issue 13): the turns of a prompt imported as "messages", a JSON array of
-- {"role": "system"|"user"|"assistant", "content"} ending with the user's turn. NULL for a single-text
-- prompt. text keeps a readable flattening ("User: ...\n\nAssistant: ..."), so that everything reading
-- text alone goes on working.
ALTER TABLE prompts
    ADD COLUMN messages JSONB CHECK (messages IS NULL OR (jsonb_typeof(messages) = 'array' AND jsonb_array_length(messages) > 0));
