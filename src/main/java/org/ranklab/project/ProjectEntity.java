package org.ranklab.project;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

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

	private String access = ProjectAccess.ALL_LABELERS.apiName();

	private boolean archived;

	@Column(name = "guidelines_version")
	private int guidelinesVersion = 1;

	@Column(name = "gold_rate")
	private double goldRate;

	@Column(name = "assignment_order")
	private String assignmentOrder = AssignmentOrder.COMPLETION.apiName();

	@Column(name = "labelers_may_score")
	private boolean labelersMayScore;

	private String layout = LabelLayout.LIST.apiName();

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
		this.layout = settings.layout().apiName();
		this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * Applies the changes given; a new text of the guidelines makes a new guidelines
	 * version.
	 */
	void apply(ProjectChanges changes) {
		name = Objects.requireNonNullElse(changes.name(), name);
		String newGuidelines = changes.guidelines() == null || changes.guidelines().isEmpty() ? null
				: changes.guidelines();
		if (changes.guidelines() != null && !Objects.equals(newGuidelines, guidelines)) {
			guidelines = newGuidelines;
			guidelinesVersion++;
		}
		rankingsPerPrompt = Objects.requireNonNullElse(changes.rankingsPerPrompt(), rankingsPerPrompt);
		leaseSeconds = Objects.requireNonNullElse(changes.leaseSeconds(), leaseSeconds);
		access = changes.access() == null ? access : changes.access().apiName();
		goldRate = Objects.requireNonNullElse(changes.goldRate(), goldRate);
		assignmentOrder = changes.assignmentOrder() == null ? assignmentOrder : changes.assignmentOrder().apiName();
		labelersMayScore = Objects.requireNonNullElse(changes.labelersMayScore(), labelersMayScore);
		minCandidates = Objects.requireNonNullElse(changes.minCandidates(), minCandidates);
		maxCandidates = Objects.requireNonNullElse(changes.maxCandidates(), maxCandidates);
		allowTies = Objects.requireNonNullElse(changes.allowTies(), allowTies);
		collectScores = Objects.requireNonNullElse(changes.collectScores(), collectScores);
		layout = changes.layout() == null ? layout : changes.layout().apiName();
	}

	void archive(boolean archived) {
		this.archived = archived;
	}

	Project toProject() {
		return new Project(id, name, guidelines, minCandidates, maxCandidates, rankingsPerPrompt, allowTies,
				collectScores, leaseSeconds, createdAt, ProjectAccess.fromApiName(access), archived, guidelinesVersion,
				goldRate, AssignmentOrder.fromApiName(assignmentOrder), labelersMayScore,
				LabelLayout.fromApiName(layout));
	}

}
