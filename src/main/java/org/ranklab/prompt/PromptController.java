package org.ranklab.prompt;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

import org.ranklab.project.Project;
import org.ranklab.project.Projects;

@RestController
@RequestMapping("/api/v1/projects/{projectId}/prompts")
class PromptController {

	private final Projects projects;

	private final PromptImporter importer;

	private final PromptCatalog catalog;

	private final ImportProperties properties;

	PromptController(Projects projects, PromptImporter importer, PromptCatalog catalog, ImportProperties properties) {
		this.projects = projects;
		this.importer = importer;
		this.catalog = catalog;
		this.properties = properties;
	}

	@Operation(summary = "Import prompts with their candidates, all or nothing",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = { @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string")),
							@Content(mediaType = "application/json", schema = @Schema(type = "array")),
							@Content(mediaType = "text/csv", schema = @Schema(type = "string")),
							@Content(mediaType = "multipart/form-data", schema = @Schema(type = "object")) }))
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ImportResult importPrompts(@PathVariable long projectId, HttpServletRequest request)
			throws IOException, HttpMediaTypeNotSupportedException {
		Project project = projects.get(projectId);
		ImportBody body = ImportBody.of(request, properties.maxBytes().toBytes());
		return importer.importPrompts(project, body.format(), body.content());
	}

	@Operation(summary = "A page of the project's prompts with their candidates, in id order")
	@GetMapping
	PromptListing list(@PathVariable long projectId, @RequestParam(required = false) String after,
			@RequestParam(required = false) String limit) {
		projects.get(projectId);
		return catalog.page(projectId, after, PromptCatalog.limit(limit));
	}

}
