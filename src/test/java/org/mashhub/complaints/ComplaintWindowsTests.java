package org.mashhub.complaints;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mashhub.sla.ShippedSla;
import org.mashhub.sla.SlaCalculator;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The windows of the complaints procedure as shipped (../shared/domain.md §4), with no
 * server: 12 months to complain, 20 working days to ask for stage 2 or a review panel,
 * and how far stages 1 and 2 may be extended. Working days skip weekends and England &
 * Wales bank holidays; dates in summer are an hour behind in UTC.
 */
class ComplaintWindowsTests {

	private static final ComplaintsSettings SHIPPED = shippedSettings();

	private final SlaCalculator sla = ShippedSla.calculator();

	@Test
	void aComplaintIsNormallyMadeWithinTwelveMonthsOfTheMatter() {
		assertThat(SHIPPED.timeLimitMonths()).isEqualTo(12);
	}

	@Test
	void aComplaintAboutAMatterOfExactlyTwelveMonthsBeforeIsInTime() {
		Complaint complaint = ComplaintBuilder.aComplaint()
			.receivedAt("2026-11-23T09:30:00Z")
			.aboutAMatterOf(LocalDate.of(2025, 11, 23))
			.build();

		assertThat(outOfTime(SHIPPED, complaint)).isFalse();
	}

	@Test
	void aComplaintAboutAMatterOfMoreThanTwelveMonthsBeforeIsOutOfTime() {
		Complaint complaint = ComplaintBuilder.aComplaint()
			.receivedAt("2026-11-23T09:30:00Z")
			.aboutAMatterOf(LocalDate.of(2025, 11, 22))
			.build();

		assertThat(outOfTime(SHIPPED, complaint)).isTrue();
	}

	@Test
	void theTwelveMonthsEndOnTheLondonDayOfReceipt() {
		// 23:30 UTC on 30 June 2027 is 00:30 on 1 July in London (BST)
		Complaint complaint = ComplaintBuilder.aComplaint()
			.receivedAt("2027-06-30T23:30:00Z")
			.aboutAMatterOf(LocalDate.of(2026, 6, 30))
			.build();

		assertThat(outOfTime(SHIPPED, complaint)).isTrue();
	}

	@Test
	void aCouncilsOwnTimeLimitIsTheOneApplied() {
		ComplaintsSettings sixMonths = new ComplaintsSettings(SHIPPED.amberWithinWorkingDays(), SHIPPED.consentAge(), 6,
				SHIPPED.themes());
		Complaint complaint = ComplaintBuilder.aComplaint()
			.receivedAt("2026-11-23T09:30:00Z")
			.aboutAMatterOf(LocalDate.of(2026, 4, 1))
			.build();

		assertThat(outOfTime(sixMonths, complaint)).isTrue();
	}

	@Test
	void aChildOf12OrOverAgreesToAComplaintMadeForThem() {
		assertThat(SHIPPED.consentAge()).isEqualTo(12);
	}

	@Test
	void aComplaintIsAcknowledgedWithinThreeWorkingDays() {
		// Monday 1 February 2027, 10:00
		assertThat(this.sla.dueAt("COMPLAINT_ACKNOWLEDGEMENT", Instant.parse("2027-02-01T10:00:00Z")))
			.isEqualTo(Instant.parse("2027-02-04T10:00:00Z"));
	}

	@Test
	void stage1IsAnsweredWithinTenWorkingDaysOfReceipt() {
		assertThat(this.sla.dueAt("COMPLAINT_STAGE_1_RESPONSE", Instant.parse("2027-02-01T10:00:00Z")))
			.isEqualTo(Instant.parse("2027-02-15T10:00:00Z"));
	}

	@Test
	void stage1MayBeExtendedToAtMost20WorkingDays() {
		assertThat(this.sla.maximumOf("COMPLAINT_STAGE_1_RESPONSE")).isEqualTo(20);
	}

	@Test
	void theComplainantMayAskForStage2Within20WorkingDaysOfTheStage1Response() {
		// Answered Tuesday 23 February 2027 at 11:00
		assertThat(this.sla.dueAt("COMPLAINT_STAGE_2_REQUEST_WINDOW", Instant.parse("2027-02-23T11:00:00Z")))
			.isEqualTo(Instant.parse("2027-03-23T11:00:00Z"));
	}

	@Test
	void stage2IsAnsweredWithin25WorkingDaysOfTheAgreedRecordPastEaster() {
		// Agreed Monday 15 March 2027 at 10:00; Good Friday 26 and Easter Monday 29 March
		assertThat(this.sla.dueAt("COMPLAINT_STAGE_2_RESPONSE", Instant.parse("2027-03-15T10:00:00Z")))
			.isEqualTo(Instant.parse("2027-04-21T09:00:00Z"));
	}

	@Test
	void stage2MayBeExtendedToAtMost65WorkingDays() {
		assertThat(this.sla.maximumOf("COMPLAINT_STAGE_2_RESPONSE")).isEqualTo(65);
	}

	@Test
	void theComplainantMayAskForAReviewPanelWithin20WorkingDaysOfTheStage2ResponsePastTheMayBankHoliday() {
		// Answered Tuesday 20 April 2027 at 15:00 BST; 3 May is the early May bank
		// holiday
		assertThat(this.sla.dueAt("COMPLAINT_STAGE_3_REQUEST_WINDOW", Instant.parse("2027-04-20T14:00:00Z")))
			.isEqualTo(Instant.parse("2027-05-19T14:00:00Z"));
	}

	@Test
	void theReviewPanelMeetsWithin30WorkingDaysOfTheRequestPastTheAugustBankHoliday() {
		// Asked Friday 23 July 2027 at 14:00 BST; 30 August is the summer bank holiday
		assertThat(this.sla.dueAt("COMPLAINT_PANEL", Instant.parse("2027-07-23T13:00:00Z")))
			.isEqualTo(Instant.parse("2027-09-06T13:00:00Z"));
	}

	/** The procedure's own rule, on these settings. */
	private static boolean outOfTime(ComplaintsSettings settings, Complaint complaint) {
		return settings.outOfTime(complaint);
	}

	private static ComplaintsSettings shippedSettings() {
		try {
			List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application.yml",
					new ClassPathResource("application.yml"));
			return new Binder(ConfigurationPropertySources.from(yaml)).bind("mash.complaints", ComplaintsSettings.class)
				.get();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
