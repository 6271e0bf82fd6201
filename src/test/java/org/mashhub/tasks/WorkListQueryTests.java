package org.mashhub.tasks;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkListQueryTests {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	@Test
	void aSearchWithoutADigitLooksForTheStartOfAName() {
		WorkListQuery.Sql sql = search("Ameli");
		assertThat(sql.where()).contains("search_name like :search").doesNotContain("subject_reference");
		assertThat(sql.params()).containsEntry("search", "ameli%");
	}

	@Test
	void aNameOfThreeLettersOrMoreIsAlsoLookedForByItsFirstThreeForItsDueOrderIndex() {
		WorkListQuery.Sql sql = search("AMELIA S");
		assertThat(sql.where()).contains("search_name like :search and left(search_name, 3) = :nameStart");
		assertThat(sql.params()).containsEntry("search", "amelia s%").containsEntry("nameStart", "ame");
		assertThat(search("Am").where()).doesNotContain("left(");
		assertThat(search("Am").params()).doesNotContainKey("nameStart");
	}

	@Test
	void aNameStartIsCountedInLettersNotInJavaChars() {
		// U+1D49C, a mathematical script capital A, is two Java chars
		assertThat(search("\uD835\uDC9Cbc").params()).containsEntry("nameStart", "\uD835\uDC9Cbc");
		assertThat(search("\uD835\uDC9Cb").params()).doesNotContainKey("nameStart");
	}

	@Test
	void aSearchWithADigitLooksForTheStartOfAReference() {
		WorkListQuery.Sql sql = search("C-2026-00001");
		assertThat(sql.where()).contains("lower(subject_reference) like :search").doesNotContain("search_name");
		assertThat(sql.params()).containsEntry("search", "c-2026-00001%").doesNotContainKey("nameStart");
	}

	@Test
	void wildcardsInASearchAreTakenLiterally() {
		assertThat(search("50%_off\\").params()).containsEntry("search", "50\\%\\_off\\\\%");
	}

	@Test
	void aPageAsksForOneRowMoreThanItShowsToKnowWhetherAnotherFollows() {
		WorkListQuery.Sql sql = new WorkListQuery(WorkListQuery.Tab.UNASSIGNED, null, null, false, null,
				WorkListQuery.Sort.DUE, 2, 25)
			.toSql("sam", List.of("mash-social-worker"), List.of(), NOW, NOW);
		assertThat(sql.params()).containsEntry("limit", 26).containsEntry("offset", 50L);
	}

	private static WorkListQuery.Sql search(String text) {
		return new WorkListQuery(WorkListQuery.Tab.TEAM, null, null, false, text, WorkListQuery.Sort.DUE, 0, 50)
			.toSql("maya", List.of("mash-manager"), List.of("mash-social-worker"), NOW, NOW);
	}

	@Test
	void dueTodayIsCountedAsMineAndMyTeamsUnassignedApart() {
		List<WorkListQuery.Sql> parts = new WorkListQuery(WorkListQuery.Tab.DUE, null, "RED", false, null,
				WorkListQuery.Sort.DUE, 0, 25)
			.toCountSql("sam", List.of("mash-social-worker"), List.of(), NOW, NOW);
		assertThat(parts).hasSize(2);
		assertThat(parts.get(0).where()).contains("assignee = :user and due_at < :endOfToday")
			.doesNotContain("assignee is null")
			.contains("rag = :rag");
		assertThat(parts.get(1).where()).contains("assignee is null and candidate_groups && cast(:groups as text[])")
			.contains("due_at < :endOfToday")
			.doesNotContain(":user")
			.contains("rag = :rag");
	}

}
