package org.mashhub;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

	@Test
	void modulesOnlyUseEachOthersPublishedApiAndFormNoCycles() {
		ApplicationModules.of(MashHubApplication.class).verify();
	}

}
