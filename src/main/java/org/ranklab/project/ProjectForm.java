package org.ranklab.project;

/**
 * The create-project page's form; a bean so that unchecked boxes bind as {@code false}.
 */
class ProjectForm {

	private String name;

	private String guidelines;

	private int minCandidates = 4;

	private int maxCandidates = 9;

	private int rankingsPerPrompt = 3;

	private int leaseSeconds = 900;

	private boolean allowTies = true;

	private boolean collectScores;

	private LabelLayout layout = LabelLayout.LIST;

	/**
	 * Browsers send a text area's line breaks as CRLF; stored as LF, so that the settings
	 * page saves the same text again without a new guidelines version.
	 */
	NewProject toNewProject() {
		return new NewProject(name, guidelines == null ? null : guidelines.replace("\r\n", "\n"), minCandidates,
				maxCandidates, rankingsPerPrompt, allowTies, collectScores, leaseSeconds, layout);
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

	public int getMinCandidates() {
		return minCandidates;
	}

	public void setMinCandidates(int minCandidates) {
		this.minCandidates = minCandidates;
	}

	public int getMaxCandidates() {
		return maxCandidates;
	}

	public void setMaxCandidates(int maxCandidates) {
		this.maxCandidates = maxCandidates;
	}

	public int getRankingsPerPrompt() {
		return rankingsPerPrompt;
	}

	public void setRankingsPerPrompt(int rankingsPerPrompt) {
		this.rankingsPerPrompt = rankingsPerPrompt;
	}

	public int getLeaseSeconds() {
		return leaseSeconds;
	}

	public void setLeaseSeconds(int leaseSeconds) {
		this.leaseSeconds = leaseSeconds;
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

	public LabelLayout getLayout() {
		return layout;
	}

	public void setLayout(LabelLayout layout) {
		this.layout = layout;
	}

}
