package org.mashhub.sla;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.mashhub.security.Roles;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The working day and every SLA policy, from configuration ({@code mash.sla}). Validated
 * at start-up: a bad policy stops the app with a message that names it.
 */
@Validated
@ConfigurationProperties("mash.sla")
record SlaSettings(@NotNull @Valid WorkingDay workingDay, @NotEmpty Map<String, @Valid @NotNull Policy> policies) {

	/**
	 * Office hours, for the WORKING_HOURS clock and for warnings of working-day policies.
	 */
	record WorkingDay(@NotNull LocalTime opens, @NotNull LocalTime closes) {

		@AssertTrue(message = "must open before it closes")
		boolean isOpenBeforeClose() {
			return this.opens == null || this.closes == null || this.opens.isBefore(this.closes);
		}

		Duration length() {
			return Duration.between(this.opens, this.closes);
		}

	}

	/**
	 * @param clock how the time is counted
	 * @param amount how many units of the clock the step has
	 * @param warning when to warn: a share of the time ({@code 75%}) or a duration before
	 * the deadline in ISO-8601 ({@code PT4H}), counted on the policy's clock
	 * @param maximum how far an extension may take the amount; none means it cannot be
	 * extended
	 * @param extendableBy groups whose members may extend or pause it
	 * @param notifyOnWarning groups told at the warning point
	 * @param notifyOnBreach groups told when the deadline passes
	 */
	record Policy(@NotNull SlaClock clock, @Positive int amount, @NotNull String warning, @Positive Integer maximum,
			List<String> extendableBy, List<String> notifyOnWarning, List<String> notifyOnBreach) {

		Policy {
			extendableBy = (extendableBy != null) ? List.copyOf(extendableBy) : List.of();
			notifyOnWarning = (notifyOnWarning != null) ? List.copyOf(notifyOnWarning) : List.of();
			notifyOnBreach = (notifyOnBreach != null) ? List.copyOf(notifyOnBreach) : List.of();
		}

		@AssertTrue(message = "must not be less than the amount")
		boolean isMaximum() {
			return this.maximum == null || this.maximum >= this.amount;
		}

		@AssertTrue(message = "must be a share such as 75% (1-99) or an ISO-8601 duration such as PT4H")
		boolean isWarning() {
			try {
				return this.warning == null || warningShare() != null || warningBefore() != null;
			}
			catch (RuntimeException ex) {
				return false;
			}
		}

		@AssertTrue(message = "must name only groups of the realm")
		boolean isGroups() {
			return Roles.GROUPS.containsAll(this.extendableBy) && Roles.GROUPS.containsAll(this.notifyOnWarning)
					&& Roles.GROUPS.containsAll(this.notifyOnBreach);
		}

		/**
		 * The share of the time after which to warn, or null when the warning is a
		 * duration.
		 */
		Double warningShare() {
			if (!this.warning.endsWith("%")) {
				return null;
			}
			double percent = Double.parseDouble(this.warning.substring(0, this.warning.length() - 1).trim());
			if (percent <= 0 || percent >= 100) {
				throw new IllegalArgumentException("share out of range");
			}
			return percent / 100;
		}

		/** How long before the deadline to warn, or null when the warning is a share. */
		Duration warningBefore() {
			if (this.warning.endsWith("%")) {
				return null;
			}
			try {
				Duration before = Duration.parse(this.warning);
				if (before.isNegative() || before.isZero()) {
					throw new IllegalArgumentException("not positive");
				}
				return before;
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException(ex);
			}
		}

	}

}
