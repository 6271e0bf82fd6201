package org.mashhub.web;

import java.util.NoSuchElementException;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * What the API and the pages answer when a step throws: the engine's own conflict is a
 * 409 however it was wrapped, and nothing unforeseen is a bare 500.
 */
class ProblemAnswersTests {

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Steps(), new Pages())
		.setControllerAdvice(new PageProblems(), new ApiProblems())
		.build();

	@Test
	void theEnginesConflictIsA409ProblemOnTheApi() throws Exception {
		for (String how : new String[] { "engine", "wrapped", "spring" }) {
			this.mvc.perform(get("/api/steps/conflict/" + how))
				.andExpect(status().isConflict())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.status").value(409));
		}
	}

	@Test
	void theEnginesConflictOnAFormSaysReloadAndTryAgain() throws Exception {
		this.mvc.perform(get("/steps/conflict"))
			.andExpect(status().isConflict())
			.andExpect(view().name("error"))
			.andExpect(model().attribute("status", 409))
			.andExpect(model().attribute("message", org.mashhub.tasks.EngineConflicts.MESSAGE));
	}

	@Test
	void aModulesRefusalKeepsItsWordsAndAHiddenCaseIsA404() throws Exception {
		this.mvc.perform(get("/api/steps/refused"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("Only a MASH manager may do this."));
		this.mvc.perform(get("/api/steps/hidden"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get("/steps/hidden")).andExpect(status().isNotFound()).andExpect(view().name("error"));
	}

	@Test
	void theUnforeseenIsA500ProblemThatGivesNothingAway() throws Exception {
		this.mvc.perform(get("/api/steps/broken"))
			.andExpect(status().isInternalServerError())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("nothing was saved")))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("secret"))));
	}

	@RestController
	static class Steps {

		@GetMapping("/api/steps/conflict/{how}")
		void conflict(@PathVariable String how) {
			OptimisticLockingException conflict = new OptimisticLockingException("ACT_RU_EXECUTION was updated");
			throw switch (how) {
				case "engine" -> conflict;
				case "wrapped" -> new ProcessEngineException("Exception while completing the task", conflict);
				default -> new OptimisticLockingFailureException("changed");
			};
		}

		@GetMapping("/api/steps/refused")
		void refused() {
			throw new AccessDeniedException("Only a MASH manager may do this.");
		}

		@GetMapping("/api/steps/hidden")
		void hidden() {
			throw new NoSuchElementException("No task 1");
		}

		@GetMapping("/api/steps/broken")
		void broken() {
			throw new IllegalStateException("secret table name");
		}

	}

	@Controller
	static class Pages {

		@GetMapping("/steps/conflict")
		String conflict() {
			throw new ProcessEngineException("Exception while completing the task",
					new OptimisticLockingException("ACT_RU_EXECUTION was updated"));
		}

		@GetMapping("/steps/hidden")
		String hidden() {
			throw new NoSuchElementException("No task 1");
		}

	}

}
