package org.mashhub.child;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.mashhub.MashHubApplication;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Children's records: registering, finding possible matches (never merging on its own),
 * the flags a screener needs, and the chronology.
 */
@Service
public class ChildRecords {

	private static final String COLUMNS = "id, given_names, family_name, date_of_birth, gender, nhs_number, address,"
			+ " school, looked_after, allocated_worker, created_at";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final List<ChildFlagSources> flagSources;

	ChildRecords(JdbcClient jdbc, Clock clock, List<ChildFlagSources> flagSources) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.flagSources = flagSources;
	}

	/** What is known of a child when they are first recorded. */
	public record NewChild(String givenNames, String familyName, LocalDate dateOfBirth, String gender, String nhsNumber,
			String address, String school, boolean lookedAfter) {
	}

	/**
	 * Why a record may be the same child: a definite NHS number match, or name and date
	 * of birth.
	 */
	public enum MatchReason {

		NHS_NUMBER, NAME_AND_DATE_OF_BIRTH

	}

	public record PossibleMatch(Child child, MatchReason reason) {
	}

	/** A child's flags for screening, as at a date. */
	public record Flags(boolean openCase, boolean childProtectionPlanInLastTwoYears) {
	}

	@Transactional
	public Child register(NewChild child) {
		String nhsNumber = NhsNumber.normalise(child.nhsNumber());
		if (nhsNumber != null && !nhsNumber.isEmpty() && !NhsNumber.isValid(nhsNumber)) {
			throw new IllegalArgumentException("nhsNumber: not a valid NHS number (check digit)");
		}
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into child (id, given_names, family_name, matching_name, date_of_birth, gender, nhs_number,
				  address, school, looked_after, created_at)
				values (:id, :givenNames, :familyName, :matchingName, :dateOfBirth, :gender, :nhsNumber, :address,
				  :school, :lookedAfter, :createdAt)""")
			.param("id", id)
			.param("givenNames", child.givenNames().strip())
			.param("familyName", child.familyName().strip())
			.param("matchingName", MatchingName.of(child.givenNames(), child.familyName()))
			.param("dateOfBirth", (child.dateOfBirth() != null) ? Date.valueOf(child.dateOfBirth()) : null)
			.param("gender", child.gender())
			.param("nhsNumber", (nhsNumber != null && !nhsNumber.isEmpty()) ? nhsNumber : null)
			.param("address", child.address())
			.param("school", child.school())
			.param("lookedAfter", child.lookedAfter())
			.param("createdAt", Timestamp.from(this.clock.instant()))
			.update();
		return find(id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public Optional<Child> find(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from child where id = :id")
			.param("id", id)
			.query(ChildRecords::child)
			.optional();
	}

	/**
	 * Records that may be this child, best first: the same NHS number, then the same
	 * first given name, family name and date of birth. A person confirms; nothing is
	 * merged here.
	 */
	@Transactional(readOnly = true)
	public List<PossibleMatch> possibleMatches(String givenNames, String familyName, LocalDate dateOfBirth,
			String nhsNumber) {
		List<PossibleMatch> matches = new ArrayList<>();
		String digits = NhsNumber.normalise(nhsNumber);
		if (digits != null && NhsNumber.isValid(digits)) {
			this.jdbc.sql("select " + COLUMNS + " from child where nhs_number = :nhsNumber")
				.param("nhsNumber", digits)
				.query(ChildRecords::child)
				.list()
				.forEach((child) -> matches.add(new PossibleMatch(child, MatchReason.NHS_NUMBER)));
		}
		if (dateOfBirth != null) {
			this.jdbc.sql("select " + COLUMNS + """
					 from child where matching_name = :matchingName and date_of_birth = :dateOfBirth
					order by created_at""")
				.param("matchingName", MatchingName.of(givenNames, familyName))
				.param("dateOfBirth", Date.valueOf(dateOfBirth))
				.query(ChildRecords::child)
				.list()
				.stream()
				.filter((child) -> matches.stream().noneMatch((found) -> found.child().id().equals(child.id())))
				.forEach((child) -> matches.add(new PossibleMatch(child, MatchReason.NAME_AND_DATE_OF_BIRTH)));
		}
		return matches;
	}

	/** The worker the child's open case is allocated to; null when the case is closed. */
	@Transactional
	public void allocate(UUID childId, String worker) {
		this.jdbc.sql("update child set allocated_worker = :worker where id = :id")
			.param("id", childId)
			.param("worker", worker)
			.update();
	}

	/**
	 * A plan is known by its start date: recorded again, only its end (null: current)
	 * changes.
	 */
	@Transactional
	public void recordChildProtectionPlan(UUID childId, LocalDate startedOn, LocalDate endedOn) {
		this.jdbc.sql("""
				insert into child_protection_plan (child_id, started_on, ended_on) values (:id, :startedOn, :endedOn)
				on conflict (child_id, started_on) do update set ended_on = excluded.ended_on""")
			.param("id", childId)
			.param("startedOn", Date.valueOf(startedOn))
			.param("endedOn", (endedOn != null) ? Date.valueOf(endedOn) : null)
			.update();
	}

	/**
	 * Open case, and a child protection plan current at any time in the two years before
	 * {@code asOf}.
	 */
	@Transactional(readOnly = true)
	public Flags flags(UUID childId, LocalDate asOf) {
		Child child = find(childId).orElseThrow(() -> new java.util.NoSuchElementException("No child " + childId));
		boolean recentPlan = this.jdbc.sql("""
				select count(*) from child_protection_plan
				where child_id = :id and started_on <= :asOf and (ended_on is null or ended_on >= :since)""")
			.param("id", childId)
			.param("asOf", Date.valueOf(asOf))
			.param("since", Date.valueOf(asOf.minusYears(2)))
			.query(Integer.class)
			.single() > 0;
		return new Flags(child.hasOpenCase(), recentPlan);
	}

	/** The flags as they stand today, in the council's time zone. */
	@Transactional(readOnly = true)
	public Flags flagsToday(UUID childId) {
		return flags(childId, LocalDate.now(this.clock.withZone(MashHubApplication.LOCAL_TIME)));
	}

	/** What the modules' cases flag on the child now ("repeat missing"), in words. */
	@Transactional(readOnly = true)
	public List<String> caseFlags(UUID childId) {
		return this.flagSources.stream().flatMap((source) -> source.flagsOf(childId).stream()).toList();
	}

	/**
	 * The one record a name as written in full and a date of birth can be, or none when
	 * there is none or more than one: a match is never guessed. Any word may start the
	 * family name ("Anna Maria van Dyke").
	 */
	@Transactional(readOnly = true)
	public Optional<Child> onlyMatch(String fullName, LocalDate dateOfBirth) {
		String[] words = (fullName != null) ? MatchingName.normalise(fullName).split(" ") : new String[0];
		if (words.length < 2 || dateOfBirth == null) {
			return Optional.empty();
		}
		List<String> names = new ArrayList<>();
		for (int family = 1; family < words.length; family++) {
			names.add(MatchingName.of(words[0], String.join(" ", Arrays.copyOfRange(words, family, words.length))));
		}
		List<Child> matches = this.jdbc
			.sql("select " + COLUMNS + " from child where matching_name = any(:names) and date_of_birth = :dateOfBirth")
			.param("names", names.toArray(String[]::new))
			.param("dateOfBirth", Date.valueOf(dateOfBirth))
			.query(ChildRecords::child)
			.list();
		return (matches.size() == 1) ? Optional.of(matches.get(0)) : Optional.empty();
	}

	private static Child child(ResultSet rs, int row) throws SQLException {
		Date dateOfBirth = rs.getDate("date_of_birth");
		return new Child(rs.getObject("id", UUID.class), rs.getString("given_names"), rs.getString("family_name"),
				(dateOfBirth != null) ? dateOfBirth.toLocalDate() : null, rs.getString("gender"),
				rs.getString("nhs_number"), rs.getString("address"), rs.getString("school"),
				rs.getBoolean("looked_after"), rs.getString("allocated_worker"),
				rs.getTimestamp("created_at").toInstant());
	}

}
