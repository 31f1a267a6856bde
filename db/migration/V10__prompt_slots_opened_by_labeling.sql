-- One owner per table. Labeling opens a prompt's slot when the prompt module announces it ready
-- (PromptsReady, published in the transaction that stores the prompt) instead of a trigger on prompts.
DROP TRIGGER prompts_ready_on_insert ON prompts;
DROP TRIGGER prompts_ready_on_update ON prompts;
DROP FUNCTION labeling_open_slots();
