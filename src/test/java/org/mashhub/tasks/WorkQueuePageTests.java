package org.mashhub.tasks;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkQueuePageTests {

	@Test
	void countsBelowTheLimitShowAsTheyAre() {
		assertThat(WorkQueue.Counts.shown(0)).isEqualTo("0");
		assertThat(WorkQueue.Counts.shown(999)).isEqualTo("999");
	}

	@Test
	void countsAtTheLimitShowThatThereAreMore() {
		assertThat(WorkQueue.Counts.shown(1000)).isEqualTo("1,000+");
		WorkQueue.Counts counts = new WorkQueue.Counts(
				Map.of(WorkListQuery.Tab.UNASSIGNED, 1000, WorkListQuery.Tab.ASSIGNED, 999));
		assertThat(counts.capped(WorkListQuery.Tab.UNASSIGNED)).isTrue();
		assertThat(counts.capped(WorkListQuery.Tab.ASSIGNED)).isFalse();
		assertThat(counts.capped(WorkListQuery.Tab.TEAM)).as("not counted").isFalse();
	}

}
