package org.mashhub.cse;

import java.time.Period;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.mashhub.security.Roles;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The council's own choices for exploitation screening ({@code mash.cse}), validated at
 * start-up.
 *
 * @param instruments the instrument files loaded at start-up (every version is kept)
 * @param instrument the id of the instrument new screenings use, at its latest version
 * @param approvers the groups that approve a level lowered below the computed one
 * @param possiblePoints what a "possible" indicator adds to the score (a present one adds
 * its weight)
 * @param dropOutAfter an indicator not seen for this long drops out at a review
 * @param reviewPolicies the SLA policy of the next review, by level
 * @param agencies who may have seen an indicator
 */
@Validated
@ConfigurationProperties("mash.cse")
public record CseSettings(@NotEmpty List<String> instruments, @NotBlank String instrument,
		@NotEmpty List<String> approvers, @PositiveOrZero int possiblePoints, @NotNull Period dropOutAfter,
		@NotNull Map<RiskLevel, String> reviewPolicies, @NotEmpty List<String> agencies) {

	@AssertTrue(message = "approvers must name only groups of the realm")
	boolean isApprovers() {
		return this.approvers == null || Roles.GROUPS.containsAll(this.approvers);
	}

	@AssertTrue(message = "review-policies must name a policy for every level")
	boolean isReviewPolicies() {
		return this.reviewPolicies == null || this.reviewPolicies.keySet().containsAll(List.of(RiskLevel.values()));
	}

	public String reviewPolicy(RiskLevel level) {
		return this.reviewPolicies.get(level);
	}

}
