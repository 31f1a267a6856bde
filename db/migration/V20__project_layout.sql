-- How the label page shows a project's responses (issue 13): one column, best on top ('list'), or two or
-- three side by side ('side_by_side'; the page falls back to the list on narrow screens).
ALTER TABLE projects
    ADD COLUMN layout TEXT NOT NULL DEFAULT 'list' CHECK (layout IN ('list', 'side_by_side'));
