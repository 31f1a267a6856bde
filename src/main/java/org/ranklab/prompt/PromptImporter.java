package org.ranklab.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.util.List;

import javax.sql.DataSource;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.ranklab.project.Project;
import org.ranklab.web.InputError;
import org.ranklab.web.InvalidInputException;

/**
 * Imports a file of prompts into a project, all or nothing: records are read and checked
 * one at a time and stored in batches as they come, all in one transaction, which any
 * invalid record rolls back. So memory stays flat whatever the file's size, and a refused
 * file leaves nothing behind.
 */
@Service
class PromptImporter {

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	PromptImporter(DataSource dataSource, JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.json = json;
		this.events = events;
	}

	@Transactional
	ImportResult importPrompts(Project project, ImportFormat format, InputStream content) {
		// One import per project at a time, so that two files cannot both add the same
		// external_id.
		jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(hashtext('ranklab.prompt-import'), ?)")
			.param((int) project.id())
			.query(Integer.class)
			.single();
		String now = jdbc.sql("SELECT now()::text").query(String.class).single();
		Connection connection = DataSourceUtils.getConnection(dataSource);
		PromptBatchWriter writer = new PromptBatchWriter(connection, project.id(), now, events);
		RecordChecks checks = new RecordChecks(project);
		ImportProblems problems = new ImportProblems();
		long[] records = { 0 };
		try (StrictUtf8Reader body = new StrictUtf8Reader(content)) {
			format.reader(json).read(body, record -> {
				records[0]++;
				if (checks.check(record, problems) && problems.isEmpty()) {
					writer.add(record);
				}
			}, problems);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (!problems.isEmpty()) {
			throw problems.toException();
		}
		if (records[0] == 0) {
			throw new InvalidInputException("the body holds no records; nothing was imported",
					List.of(new InputError(null, null, "the body holds no records")));
		}
		writer.flush();
		return writer.result();
	}

}
