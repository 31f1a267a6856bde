package org.ranklab.project;

/**
 * The settings page's form: every setting a {@code PATCH} may change. The meaning fields
 * ({@code min_candidates}, {@code max_candidates}, {@code allow_ties},
 * {@code collect_scores}) are left out of the change once the project has rankings.
 */
class ProjectSettingsForm {

	private String name;

	private String guidelines;

	private Integer rankingsPerPrompt;

	private Integer leaseSeconds;

	private ProjectAccess access;

	private LabelLayout layout;

	private Double goldRate;

	private boolean labelersMayScore;

	private Integer minCandidates;

	private Integer maxCandidates;

	private boolean allowTies;

	private boolean collectScores;

	static ProjectSettingsForm of(Project project) {
		ProjectSettingsForm form = new ProjectSettingsForm();
		form.name = project.name();
		form.guidelines = project.guidelines();
		form.rankingsPerPrompt = project.rankingsPerPrompt();
		form.leaseSeconds = project.leaseSeconds();
		form.access = project.access();
		form.layout = project.layout();
		form.goldRate = project.goldRate();
		form.labelersMayScore = project.labelersMayScore();
		form.minCandidates = project.minCandidates();
		form.maxCandidates = project.maxCandidates();
		form.allowTies = project.allowTies();
		form.collectScores = project.collectScores();
		return form;
	}

	/**
	 * The change the form asks for. Browsers send a text area's line breaks as CRLF: they
	 * are made LF again, so that saving unchanged guidelines makes no new version.
	 */
	ProjectChanges toChanges(boolean meaningFrozen) {
		String text = guidelines == null ? null : guidelines.replace("\r\n", "\n");
		return new ProjectChanges(name, text, rankingsPerPrompt, leaseSeconds, access, goldRate, null, labelersMayScore,
				meaningFrozen ? null : minCandidates, meaningFrozen ? null : maxCandidates,
				meaningFrozen ? null : allowTies, meaningFrozen ? null : collectScores, layout);
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getGuidelines() {
		return guidelines;
	}

	public void setGuidelines(String guidelines) {
		this.guidelines = guidelines;
	}

	public Integer getRankingsPerPrompt() {
		return rankingsPerPrompt;
	}

	public void setRankingsPerPrompt(Integer rankingsPerPrompt) {
		this.rankingsPerPrompt = rankingsPerPrompt;
	}

	public Integer getLeaseSeconds() {
		return leaseSeconds;
	}

	public void setLeaseSeconds(Integer leaseSeconds) {
		this.leaseSeconds = leaseSeconds;
	}

	public LabelLayout getLayout() {
		return layout;
	}

	public void setLayout(LabelLayout layout) {
		this.layout = layout;
	}

	public ProjectAccess getAccess() {
		return access;
	}

	public void setAccess(ProjectAccess access) {
		this.access = access;
	}

	public Double getGoldRate() {
		return goldRate;
	}

	public void setGoldRate(Double goldRate) {
		this.goldRate = goldRate;
	}

	public boolean isLabelersMayScore() {
		return labelersMayScore;
	}

	public void setLabelersMayScore(boolean labelersMayScore) {
		this.labelersMayScore = labelersMayScore;
	}

	public Integer getMinCandidates() {
		return minCandidates;
	}

	public void setMinCandidates(Integer minCandidates) {
		this.minCandidates = minCandidates;
	}

	public Integer getMaxCandidates() {
		return maxCandidates;
	}

	public void setMaxCandidates(Integer maxCandidates) {
		this.maxCandidates = maxCandidates;
	}

	public boolean isAllowTies() {
		return allowTies;
	}

	public void setAllowTies(boolean allowTies) {
		this.allowTies = allowTies;
	}

	public boolean isCollectScores() {
		return collectScores;
	}

	public void setCollectScores(boolean collectScores) {
		this.collectScores = collectScores;
	}

}
