package org.ranklab.project;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "projects")
class ProjectEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	private String guidelines;

	@Column(name = "min_candidates")
	private int minCandidates;

	@Column(name = "max_candidates")
	private int maxCandidates;

	@Column(name = "rankings_per_prompt")
	private int rankingsPerPrompt;

	@Column(name = "allow_ties")
	private boolean allowTies;

	@Column(name = "collect_scores")
	private boolean collectScores;

	@Column(name = "lease_seconds")
	private int leaseSeconds;

	@Column(name = "created_at", updatable = false)
	private Instant createdAt;

	protected ProjectEntity() {
	}

	ProjectEntity(NewProject settings) {
		this.name = settings.name().strip();
		this.guidelines = settings.guidelines();
		this.minCandidates = settings.minCandidates();
		this.maxCandidates = settings.maxCandidates();
		this.rankingsPerPrompt = settings.rankingsPerPrompt();
		this.allowTies = settings.allowTies();
		this.collectScores = settings.collectScores();
		this.leaseSeconds = settings.leaseSeconds();
		this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	Project toProject() {
		return new Project(id, name, guidelines, minCandidates, maxCandidates, rankingsPerPrompt, allowTies,
				collectScores, leaseSeconds, createdAt);
	}

}
