package org.mashhub.referral;

import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The front door's local choices ({@code mash.referral}).
 *
 * @param decisionPolicy the SLA policy of the threshold decision: 1 working day
 * (CONTACT_DECISION) or 24 clock hours (CONTACT_DECISION_24_HOURS)
 * @param ragPolicies the SLA policy of each RAG band's target (blue has none)
 * @param liaisonGroups the group that answers each agency's information requests
 * @param maracDashThreshold DASH ticks from which a MARAC referral is due (14 of 24)
 * @param maracIncidentsThreshold incidents in 12 months from which a MARAC referral is
 * due ("potential escalation", 3)
 */
@Validated
@ConfigurationProperties("mash.referral")
public record ReferralSettings(@NotNull String decisionPolicy, @NotEmpty Map<Rag, String> ragPolicies,
		@NotEmpty Map<NewContact.Agency, String> liaisonGroups, @NotNull @Min(1) @Max(24) Integer maracDashThreshold,
		@NotNull @Min(1) Integer maracIncidentsThreshold) {

	public String ragPolicy(Rag rag) {
		return this.ragPolicies.get(rag);
	}

	public MaracThresholds maracThresholds() {
		return new MaracThresholds(this.maracDashThreshold, this.maracIncidentsThreshold);
	}

}
