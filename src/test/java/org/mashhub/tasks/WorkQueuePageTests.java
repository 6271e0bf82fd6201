package org.mashhub.tasks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkQueuePageTests {

	@Test
	void countsBelowTheLimitShowAsTheyAre() {
		assertThat(WorkQueue.Page.shown(0)).isEqualTo("0");
		assertThat(WorkQueue.Page.shown(999)).isEqualTo("999");
	}

	@Test
	void countsAtTheLimitShowThatThereAreMore() {
		assertThat(WorkQueue.Page.shown(1000)).isEqualTo("1,000+");
		assertThat(new WorkQueue.Page(java.util.List.of(), 1000, java.util.Map.of(), java.time.Instant.EPOCH)
			.totalCapped()).isTrue();
		assertThat(
				new WorkQueue.Page(java.util.List.of(), 999, java.util.Map.of(), java.time.Instant.EPOCH).totalCapped())
			.isFalse();
	}

}
