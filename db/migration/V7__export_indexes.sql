-- Exports read a project's rankings grouped by prompt (consensus, quality, pairs with their texts): this
-- index gives the cursor that order without sorting the whole project.
CREATE INDEX rankings_project_prompt ON rankings (project_id, prompt_id, id);
