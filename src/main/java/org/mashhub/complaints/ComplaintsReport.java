package org.mashhub.complaints;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.mashhub.web.Csv;
import org.mashhub.MashHubApplication;
import org.mashhub.Refusal;
import org.mashhub.security.CurrentUser;
import org.mashhub.security.Roles;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual complaints report for a period (by default the financial year, 1 April to 31
 * March): complaints received and stages asked for, who complained, findings and
 * outcomes, the share answered in time at each stage with the working days taken,
 * extensions, advocacy, Ombudsman referrals and themes. "In time" is what the SLA ledger
 * recorded when each stage was answered.
 */
@Service
public class ComplaintsReport {

	/** Days from and to, both included. */
	public record Period(LocalDate from, LocalDate to) {

		/** The financial year (1 April to 31 March) that {@code day} falls in. */
		public static Period financialYearOf(LocalDate day) {
			int startYear = (day.getMonthValue() >= Month.APRIL.getValue()) ? day.getYear() : day.getYear() - 1;
			return new Period(LocalDate.of(startYear, 4, 1), LocalDate.of(startYear + 1, 3, 31));
		}

		Instant start() {
			return this.from.atStartOfDay(MashHubApplication.LOCAL_TIME).toInstant();
		}

		Instant end() {
			return this.to.plusDays(1).atStartOfDay(MashHubApplication.LOCAL_TIME).toInstant();
		}

		boolean contains(Instant instant) {
			return instant != null && !instant.isBefore(start()) && instant.isBefore(end());
		}

		boolean contains(LocalDate day) {
			return day != null && !day.isBefore(this.from) && !day.isAfter(this.to);
		}

	}

	/**
	 * How a stage did in the period: responses given, how many in time, the average
	 * working days from its start to the response, and extensions used.
	 */
	public record Timeliness(int responses, int inTime, double averageWorkingDays, int extensions) {

		public Integer percentInTime() {
			return (this.responses == 0) ? null : (int) Math.round(100.0 * this.inTime / this.responses);
		}

	}

	/**
	 * @param started complaints received (stage 1) and stage 2 and 3 requests accepted in
	 * the period, by stage
	 * @param findings findings of the responses given in the period, by stage, per
	 * element
	 * @param outcomes complaints closed in the period, by how they ended
	 */
	public record Report(Period period, Map<Integer, Integer> started, Map<ComplainantType, Integer> byComplainant,
			Map<Integer, Map<Finding, Integer>> findings, Map<Closure, Integer> outcomes,
			Map<Integer, Timeliness> timeliness, int advocacyOffered, int advocacyAccepted, int lateRequestsAccepted,
			int ombudsmanReferrals, Map<String, Integer> themes) {
	}

	private final ComplaintRecords repository;

	private final Clock clock;

	ComplaintsReport(ComplaintRecords repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	/** The financial year we are in. */
	public Period currentYear() {
		return Period.financialYearOf(ComplaintDays.day(this.clock.instant()));
	}

	@Transactional(readOnly = true)
	public Report report(Period period, CurrentUser reader) {
		if (!reader.isIn(Roles.COMPLAINTS_MANAGER) && !reader.isIn(Roles.SERVICE_MANAGER)) {
			throw new AccessDeniedException(
					"The complaints report is for the complaints manager and service managers.");
		}
		if (period.to().isBefore(period.from())) {
			throw Refusal.invalid("to", "The period must end on or after its first day.");
		}
		Map<Integer, Integer> started = new TreeMap<>(Map.of(1, 0, 2, 0, 3, 0));
		Map<ComplainantType, Integer> byComplainant = new EnumMap<>(ComplainantType.class);
		Map<Integer, Map<Finding, Integer>> findings = new TreeMap<>();
		Map<Closure, Integer> outcomes = new EnumMap<>(Closure.class);
		Map<Integer, int[]> counts = new TreeMap<>();
		Map<String, Integer> themes = new TreeMap<>();
		int advocacyOffered = 0;
		int advocacyAccepted = 0;
		int lateRequests = 0;
		int ombudsman = 0;
		for (int stage = 1; stage <= 3; stage++) {
			Map<Finding, Integer> none = new EnumMap<>(Finding.class);
			for (Finding finding : Finding.values()) {
				none.put(finding, 0);
			}
			findings.put(stage, none);
			counts.put(stage, new int[4]);
		}
		for (Complaint complaint : this.repository.touchedBetween(period.start(), period.end())) {
			if (period.contains(complaint.receivedAt())) {
				byComplainant.merge(complaint.complainantType(), 1, Integer::sum);
				advocacyOffered += complaint.advocacyOffered() ? 1 : 0;
				advocacyAccepted += Boolean.TRUE.equals(complaint.advocacyAccepted()) ? 1 : 0;
				complaint.elements().forEach((element) -> themes.merge(element.theme(), 1, Integer::sum));
			}
			if (period.contains(complaint.closedAt())) {
				outcomes.merge(complaint.closure(), 1, Integer::sum);
			}
			if (period.contains(complaint.ombudsmanReferredOn())) {
				ombudsman++;
			}
			for (Complaint.Stage stage : complaint.stages()) {
				if (period.contains(stage.requestedAt())) {
					started.merge(stage.stage(), 1, Integer::sum);
					lateRequests += (stage.lateRequestReason() != null) ? 1 : 0;
				}
				if (period.contains(stage.respondedAt())) {
					int[] count = counts.get(stage.stage());
					count[0]++;
					count[1] += Boolean.TRUE.equals(stage.inTime()) ? 1 : 0;
					count[2] += (stage.workingDays() != null) ? stage.workingDays() : 0;
					count[3] += (stage.extendedTo() != null) ? 1 : 0;
					for (Complaint.Element element : complaint.elements()) {
						Complaint.StageFinding finding = element.findings().get(stage.stage());
						if (finding != null) {
							findings.get(stage.stage()).merge(finding.finding(), 1, Integer::sum);
						}
					}
				}
			}
		}
		Map<Integer, Timeliness> timeliness = new TreeMap<>();
		counts.forEach((stage, count) -> timeliness.put(stage,
				new Timeliness(count[0], count[1], (count[0] == 0) ? 0 : (double) count[2] / count[0], count[3])));
		return new Report(period, started, byComplainant, findings, outcomes, timeliness, advocacyOffered,
				advocacyAccepted, lateRequests, ombudsman, themes);
	}

	/** The report as CSV: one line per figure, with its section. */
	public String csv(Report report) {
		StringBuilder out = new StringBuilder(Csv.line("Section", "Item", "Value"));
		out.append(Csv.line("Period", "From", report.period().from().toString()));
		out.append(Csv.line("Period", "To", report.period().to().toString()));
		report.started()
			.forEach((stage,
					count) -> out.append(Csv.line("Started",
							(stage == 1) ? "Stage 1 (complaints received)" : "Stage " + stage + " (requests)",
							String.valueOf(count))));
		out.append(Csv.line("Started", "Stage requests accepted late", String.valueOf(report.lateRequestsAccepted())));
		for (ComplainantType type : ComplainantType.values()) {
			out.append(Csv.line("Complainant", type.label(),
					String.valueOf(report.byComplainant().getOrDefault(type, 0))));
		}
		report.findings()
			.forEach((stage, byFinding) -> byFinding.forEach((finding, count) -> out
				.append(Csv.line("Findings stage " + stage, finding.label(), String.valueOf(count)))));
		for (Closure closure : Closure.values()) {
			out.append(
					Csv.line("Outcome", closure.label(), String.valueOf(report.outcomes().getOrDefault(closure, 0))));
		}
		report.timeliness().forEach((stage, figures) -> {
			String section = "Stage " + stage;
			out.append(Csv.line(section, "Responses", String.valueOf(figures.responses())));
			out.append(Csv.line(section, "In time", String.valueOf(figures.inTime())));
			out.append(Csv.line(section, "Percent in time",
					(figures.percentInTime() != null) ? String.valueOf(figures.percentInTime()) : ""));
			out.append(Csv.line(section, "Average working days", String.format("%.1f", figures.averageWorkingDays())));
			out.append(Csv.line(section, "Extensions", String.valueOf(figures.extensions())));
		});
		out.append(Csv.line("Advocacy", "Offered", String.valueOf(report.advocacyOffered())));
		out.append(Csv.line("Advocacy", "Accepted", String.valueOf(report.advocacyAccepted())));
		out.append(Csv.line("Ombudsman", "Referrals", String.valueOf(report.ombudsmanReferrals())));
		report.themes().forEach((theme, count) -> out.append(Csv.line("Theme", theme, String.valueOf(count))));
		return out.toString();
	}

}
