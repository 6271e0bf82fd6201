package org.mashhub.cse;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.mashhub.MashHubApplication;
import org.mashhub.Refusal;
import org.mashhub.security.AccessAudit;
import org.mashhub.security.CurrentUser;
import org.mashhub.security.Roles;
import org.mashhub.sla.Dates;
import org.mashhub.sla.Sla;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The MACE panel's view, for the exploitation coordinators and MASH managers: open
 * screenings by level, those new since the last panel, reviews due and overdue, places
 * and groups shared by two or more children, and a panel day's agenda. Every view is
 * audited.
 */
@Service
public class CsePanel {

	/** Reviews due this many days ahead show as due. */
	private static final int REVIEWS_DUE_WITHIN_DAYS = 14;

	private final ScreeningRecords records;

	private final Places places;

	private final CseSettings settings;

	private final Sla sla;

	private final AccessAudit audit;

	private final Clock clock;

	CsePanel(ScreeningRecords records, Places places, CseSettings settings, Sla sla, AccessAudit audit, Clock clock) {
		this.records = records;
		this.places = places;
		this.settings = settings;
		this.sla = sla;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * An open screening as the panel lists it.
	 *
	 * @param reviewDueAt when its next review falls due (none until first scored)
	 */
	public record Row(String reference, String childName, Integer age, RiskLevel level, boolean awaitingApproval,
			List<CinFactor> cinFactors, Instant openedAt, Instant lastScoredAt, Instant reviewDueAt) {

		public boolean reviewOverdueOn(Instant at) {
			return this.reviewDueAt != null && this.reviewDueAt.isBefore(at);
		}

	}

	/**
	 * The panel's view as at a day.
	 *
	 * @param lastPanel the last panel held before the day, if any was recorded
	 */
	public record View(LocalDate day, Instant at, Optional<LocalDate> lastPanel, Map<RiskLevel, List<Row>> byLevel,
			List<Row> notYetScored, List<Row> newSinceLastPanel, List<Row> reviewsDue,
			List<Place.WithChildren> sharedPlaces) {
	}

	/**
	 * What a panel day discusses: every medium and high child, and every overdue review.
	 */
	public record Agenda(LocalDate day, Instant at, List<Row> children, List<Row> overdueReviews) {
	}

	@Transactional
	public View view(LocalDate day, CurrentUser reader) {
		mayRead(reader);
		this.audit.record("VIEW", "cse-panel", day.toString(), null);
		// Overdue as at now for today, as at the day's end for another day
		Instant at = day.equals(today()) ? this.clock.instant() : startOf(day.plusDays(1));
		List<Row> rows = rows(day);
		Optional<LocalDate> last = this.records.lastPanelBefore(day);
		Map<RiskLevel, List<Row>> byLevel = rows.stream()
			.filter((row) -> row.level() != null)
			.collect(Collectors.groupingBy(Row::level, () -> new java.util.EnumMap<>(RiskLevel.class),
					Collectors.toList()));
		Instant dueBy = startOf(day.plusDays(REVIEWS_DUE_WITHIN_DAYS + 1));
		return new View(day, at, last, byLevel, rows.stream().filter((row) -> row.level() == null).toList(), rows
			.stream()
			.filter((row) -> last.map((panel) -> !row.openedAt().isBefore(startOf(panel.plusDays(1)))).orElse(true))
			.toList(),
				rows.stream()
					.filter((row) -> row.reviewDueAt() != null && row.reviewDueAt().isBefore(dueBy))
					.sorted(Comparator.comparing(Row::reviewDueAt))
					.toList(),
				this.places.sharedByOpenScreenings());
	}

	@Transactional
	public Agenda agenda(LocalDate day, CurrentUser reader) {
		mayRead(reader);
		this.audit.record("VIEW", "cse-panel-agenda", day.toString(), null);
		Instant at = startOf(day);
		List<Row> rows = rows(day);
		return new Agenda(day, at,
				rows.stream()
					.filter((row) -> row.level() == RiskLevel.HIGH || row.level() == RiskLevel.MEDIUM)
					.sorted(Comparator.comparing(Row::level, Comparator.reverseOrder()).thenComparing(Row::openedAt))
					.toList(),
				rows.stream().filter((row) -> row.reviewOverdueOn(at)).toList());
	}

	/** Records that a panel met on the day: later views count "new" from it. */
	@Transactional
	public void recordPanel(LocalDate day, CurrentUser user) {
		if (!user.isIn(Roles.CSE_COORDINATOR)) {
			throw new AccessDeniedException("Panel days are recorded by an exploitation coordinator.");
		}
		if (day.isAfter(LocalDate.ofInstant(this.clock.instant(), MashHubApplication.LOCAL_TIME))) {
			throw Refusal.invalid("heldOn", "Record a panel once it has met: the day cannot be in the future.");
		}
		if (!this.records.recordPanel(day, this.clock.instant(), user.username())) {
			throw Refusal.invalid("heldOn", "A panel on " + Dates.describeDay(day) + " is already recorded.");
		}
	}

	public LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), MashHubApplication.LOCAL_TIME);
	}

	private List<Row> rows(LocalDate day) {
		return this.records.open()
			.stream()
			.filter((screening) -> screening.openedAt().isBefore(startOf(day.plusDays(1))))
			.map(row(day))
			.toList();
	}

	private Function<Screening, Row> row(LocalDate day) {
		return (screening) -> {
			java.util.OptionalInt age = screening.child().ageOn(day);
			Instant due = (screening.lastScoredAt() != null)
					? this.sla.due(this.settings.reviewPolicy(screening.level()), Date.from(screening.lastScoredAt()))
						.toInstant()
					: null;
			return new Row(screening.reference(), screening.child().fullName(), age.isPresent() ? age.getAsInt() : null,
					screening.level(), screening.awaitingApproval(), screening.cinFactors(), screening.openedAt(),
					screening.lastScoredAt(), due);
		};
	}

	private static Instant startOf(LocalDate day) {
		return day.atStartOfDay(MashHubApplication.LOCAL_TIME).toInstant();
	}

	/** The panel's readers: the exploitation coordinators and MASH managers. */
	public static void mayRead(CurrentUser reader) {
		if (!Places.mayReadPlaces(reader)) {
			throw new AccessDeniedException(
					"The MACE panel's view is for the exploitation coordinators and MASH" + " managers.");
		}
	}

}
