package org.mashhub.missing;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Positive;
import org.mashhub.security.Roles;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The council's own choices for missing children ({@code mash.missing}), validated at
 * start-up.
 *
 * @param riskGrades the police risk grades, lowest first, and how often a missing child's
 * risk is reviewed at each
 * @param managersTold the groups told when a child has been missing 24 hours
 * @param repeatEpisodes the episode that makes a child "repeat missing", counting it
 * @param repeatWithinDays the days in which that many episodes began
 * @param amberWithinHours an awaited return home interview shows amber this close to its
 * deadline (red once late)
 * @param exploitationIndicators signs of exploitation a report or an interview may note
 * @param pushFactors what pushed the child to go, as the interview codes it
 * @param pullFactors what drew the child away
 */
@Validated
@ConfigurationProperties("mash.missing")
public record MissingSettings(@NotEmpty List<@Valid RiskGrade> riskGrades, List<String> managersTold,
		@Positive int repeatEpisodes, @Positive int repeatWithinDays, @Positive int amberWithinHours,
		@NotEmpty List<String> exploitationIndicators, @NotEmpty List<String> pushFactors,
		@NotEmpty List<String> pullFactors) {

	public MissingSettings {
		managersTold = (managersTold != null) ? List.copyOf(managersTold) : List.of();
	}

	/**
	 * @param code as recorded and sent by partner systems
	 * @param label as shown
	 * @param reviewEveryHours hours between risk reviews while the child is missing
	 * @param high whether the grade calls for a strategy discussion at once
	 */
	public record RiskGrade(@NotBlank String code, @NotBlank String label, @Positive int reviewEveryHours,
			boolean high) {
	}

	@AssertTrue(message = "managers-told must name only groups of the realm")
	boolean isManagersTold() {
		return Roles.GROUPS.containsAll(this.managersTold);
	}

	@AssertTrue(message = "risk-grades must have distinct codes")
	boolean isDistinctGrades() {
		return this.riskGrades == null
				|| this.riskGrades.stream().map(RiskGrade::code).distinct().count() == this.riskGrades.size();
	}

	public Optional<RiskGrade> grade(String code) {
		return this.riskGrades.stream().filter((grade) -> grade.code().equals(code)).findFirst();
	}

	/** A grade recorded earlier: still known, or the episode could not be read. */
	public RiskGrade recorded(String code) {
		return grade(code).orElseThrow(() -> new NoSuchElementException("Unknown risk grade " + code));
	}

	public String gradeLabel(String code) {
		return grade(code).map(RiskGrade::label).orElse(code);
	}

	public List<String> gradeCodes() {
		return this.riskGrades.stream().map(RiskGrade::code).toList();
	}

}
