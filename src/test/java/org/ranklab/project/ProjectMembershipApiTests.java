package org.ranklab.project;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ranklab.ApiClient.Credentials;
import org.ranklab.IntegrationTest;
import org.ranklab.RankingFixture;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectMembershipApiTests extends IntegrationTest {

	private RankingFixture prompts;

	@BeforeEach
	void fixture() {
		prompts = new RankingFixture(api, jdbc);
	}

	@Test
	void membersAreReplacedAsAWholeAndReadBackAsIdStrings() {
		long project = newProject("{\"name\":\"Members\"}");
		long first = userIdOf(newLabeler());
		long second = userIdOf(newLabeler());

		JsonNode put = api
			.put(members(project), admin(), "{\"user_ids\":[\"%d\",%d,\"%d\"]}".formatted(second, first, second))
			.expectStatus(200)
			.json();

		assertThat(ids(put)).containsExactly(Long.toString(first), Long.toString(second));
		assertThat(ids(api.get(members(project), admin()).expectStatus(200).json()))
			.containsExactly(Long.toString(first), Long.toString(second));
		api.put(members(project), admin(), "{\"user_ids\":[\"%d\"]}".formatted(second)).expectStatus(200);
		assertThat(ids(api.get(members(project), admin()).json())).containsExactly(Long.toString(second));
		api.put(members(project), admin(), "{\"user_ids\":[]}").expectStatus(200);
		assertThat(ids(api.get(members(project), admin()).json())).isEmpty();
	}

	@Test
	void anUnknownUserIdIsRefusedNamingUserIdsAndNothingChanges() {
		long project = newProject("{\"name\":\"Unknown member\"}");
		long labeler = userIdOf(newLabeler());
		api.put(members(project), admin(), "{\"user_ids\":[\"%d\"]}".formatted(labeler)).expectStatus(200);

		for (String body : List.of("{\"user_ids\":[\"%d\",\"987654321\"]}".formatted(labeler),
				"{\"user_ids\":[\"not an id\"]}", "{\"user_ids\":null}", "{}")) {
			JsonNode problem = api.put(members(project), admin(), body).expectProblem(400);
			assertThat(problem.path("errors").get(0).path("field").asString()).as(body).isEqualTo("user_ids");
		}
		assertThat(api.put(members(project), admin(), "{\"user_ids\":[\"%d\",\"987654321\"]}".formatted(labeler))
			.expectProblem(400)
			.path("detail")
			.asString()).contains("987654321");
		assertThat(ids(api.get(members(project), admin()).json())).containsExactly(Long.toString(labeler));
		api.put("/api/v1/projects/987654321/members", admin(), "{\"user_ids\":[]}").expectStatus(404);
		api.get("/api/v1/projects/987654321/members", admin()).expectStatus(404);
	}

	@Test
	void membershipChangesAreAuditedFromWhatToWhatAndARepeatIsNot() {
		long project = newProject("{\"name\":\"Audited members\"}");
		long first = userIdOf(newLabeler());
		long second = userIdOf(newLabeler());
		api.put(members(project), admin(), "{\"user_ids\":[\"%d\"]}".formatted(first)).expectStatus(200);
		api.put(members(project), admin(), "{\"user_ids\":[\"%d\",\"%d\"]}".formatted(first, second)).expectStatus(200);
		api.put(members(project), admin(), "{\"user_ids\":[\"%d\",\"%d\"]}".formatted(second, first)).expectStatus(200);

		JsonNode entries = api.get("/api/v1/audit-log?project_id=" + project, admin()).expectStatus(200).json();

		assertThat(entries).hasSize(3);
		JsonNode latest = entries.get(0);
		assertThat(latest.path("action").asString()).isEqualTo("project.members_changed");
		assertThat(latest.path("actor").asString()).isEqualTo(ADMIN);
		assertThat(latest.path("before").toString()).isEqualTo("{\"user_ids\":[\"%d\"]}".formatted(first));
		assertThat(latest.path("after").toString())
			.isEqualTo("{\"user_ids\":[\"%d\",\"%d\"]}".formatted(first, second));
		assertThat(entries.get(1).path("after").toString()).isEqualTo("{\"user_ids\":[\"%d\"]}".formatted(first));
		assertThat(entries.get(2).path("action").asString()).isEqualTo("project.created");
	}

	@Test
	void aNonMemberIsRefusedOnEveryCallAboutAProjectForMembersOnly() {
		long project = newProject("{\"name\":\"Members only\",\"min_candidates\":2}");
		// Labelers may score here, so that only membership decides.
		api.patch("/api/v1/projects/" + project, admin(), "{\"access\":\"members\",\"labelers_may_score\":true}")
			.expectStatus(200);
		prompts.prompt(project, "First", "a", "b");
		prompts.prompt(project, "Second", "c", "d");
		Credentials member = newLabeler();
		Credentials outsider = newLabeler();
		api.put(members(project), admin(),
				"{\"user_ids\":[\"%d\",\"%d\"]}".formatted(userIdOf(member), userIdOf(outsider)))
			.expectStatus(200);
		JsonNode outsidersTask = next(project, outsider).expectStatus(200).json();
		api.put(members(project), admin(), "{\"user_ids\":[\"%d\"]}".formatted(userIdOf(member))).expectStatus(200);

		assertThat(listedFor(outsider)).doesNotContain(Long.toString(project));
		api.get("/api/v1/projects/" + project, outsider).expectProblem(403);
		next(project, outsider).expectProblem(403);
		String assignment = "/api/v1/assignments/" + outsidersTask.path("assignment_id").asString();
		api.post(assignment + "/ranking", outsider, "{\"ranking\":" + tiersOf(outsidersTask) + "}").expectProblem(403);
		api.post(assignment + "/skip", outsider, null).expectProblem(403);
		api.post("/api/v1/projects/" + project + "/reward-model/score", outsider,
				"{\"prompt\":\"p\",\"responses\":[\"a\",\"b\"]}")
			.expectProblem(403);
		assertThat(jdbc.sql("SELECT status FROM assignments WHERE id = ?")
			.param(Long.parseLong(outsidersTask.path("assignment_id").asString()))
			.query(String.class)
			.single()).isEqualTo("OPEN");

		assertThat(listedFor(member)).contains(Long.toString(project));
		api.get("/api/v1/projects/" + project, member).expectStatus(200);
		JsonNode task = next(project, member).expectStatus(200).json();
		api.post("/api/v1/assignments/" + task.path("assignment_id").asString() + "/ranking", member,
				"{\"ranking\":" + tiersOf(task) + "}")
			.expectStatus(201);
		// The member passes the membership check; the project simply has no model yet.
		api.post("/api/v1/projects/" + project + "/reward-model/score", member,
				"{\"prompt\":\"p\",\"responses\":[\"a\",\"b\"]}")
			.expectProblem(404);
	}

	@Test
	void adminsNeedNoMembershipAndOpeningTheProjectToAllLabelersLetsEveryoneIn() {
		long project = newProject("{\"name\":\"Opened\",\"min_candidates\":2}");
		api.patch("/api/v1/projects/" + project, admin(), "{\"access\":\"members\"}").expectStatus(200);
		prompts.prompt(project, "Only", "a", "b");
		Credentials outsider = newLabeler();
		next(project, outsider).expectProblem(403);

		next(project, admin()).expectStatus(200);
		assertThat(listedFor(admin())).contains(Long.toString(project));

		api.patch("/api/v1/projects/" + project, admin(), "{\"access\":\"all_labelers\"}").expectStatus(200);
		assertThat(listedFor(outsider)).contains(Long.toString(project));
		next(project, outsider).expectStatus(200);
	}

	private static String members(long project) {
		return "/api/v1/projects/" + project + "/members";
	}

	private org.ranklab.ApiClient.Response next(long project, Credentials who) {
		return api.post("/api/v1/projects/" + project + "/tasks/next", who, null);
	}

	private List<String> listedFor(Credentials who) {
		List<String> ids = new ArrayList<>();
		api.get("/api/v1/projects", who).expectStatus(200).json().forEach(p -> ids.add(p.path("id").asString()));
		return ids;
	}

	private static List<String> ids(JsonNode members) {
		List<String> ids = new ArrayList<>();
		members.path("user_ids").forEach(id -> ids.add(id.asString()));
		return ids;
	}

	private static String tiersOf(JsonNode task) {
		List<String> tiers = new ArrayList<>();
		task.path("candidates").forEach(c -> tiers.add("[\"" + c.path("id").asString() + "\"]"));
		return "[" + String.join(",", tiers) + "]";
	}

}
