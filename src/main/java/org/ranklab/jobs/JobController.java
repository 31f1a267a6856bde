package org.ranklab.jobs;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/jobs")
class JobController {

	private final Jobs jobs;

	JobController(Jobs jobs) {
		this.jobs = jobs;
	}

	@GetMapping("/{id}")
	JobResponse get(@PathVariable long id) {
		return JobResponse.of(jobs.get(id));
	}

	@PostMapping("/{id}/cancel")
	@ResponseStatus(HttpStatus.ACCEPTED)
	JobResponse cancel(@PathVariable long id) {
		return JobResponse.of(jobs.cancel(id));
	}

}
