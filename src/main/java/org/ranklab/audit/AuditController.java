package org.ranklab.audit;

import java.util.List;

import io.swagger.v3.oas.annotations.Parameter;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.ranklab.web.InvalidInputException;

/** The audit log for admins, newest first, paged with {@code before}. */
@RestController
class AuditController {

	static final int MAX_LIMIT = 500;

	private final AuditLog log;

	AuditController(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/api/v1/audit-log")
	List<AuditEntry> newest(
			@Parameter(description = "only this project's entries") @RequestParam(name = "project_id",
					required = false) Long projectId,
			@Parameter(description = "only entries older than this entry id") @RequestParam(
					required = false) Long before,
			@RequestParam(defaultValue = "100") int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw InvalidInputException.ofField("limit", "must be between 1 and " + MAX_LIMIT);
		}
		return log.newest(projectId, before, limit);
	}

}
