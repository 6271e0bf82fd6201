package org.mashhub.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How generated work is spread: 30 teams of uneven size (the demo realm's 16 work groups
 * and 14 locality teams, sized 1/√rank, the largest first), 5,000 people in them (the demo
 * users among them), 60% of open work assigned, a RAG mix, 20% overdue, children's names
 * from common first names and surnames.
 */
final class WorkMix {

	static final List<String> GROUPS = List.of("mash-social-worker", "assessment-social-worker", "early-help",
			"mash-manager", "police-liaison", "health-liaison", "education-liaison", "business-support", "rhi-worker",
			"missing-coordinator", "cse-coordinator", "complaints-investigator", "complaints-manager", "service-manager",
			"probation-liaison", "housing-liaison", "locality-team-01", "locality-team-02", "locality-team-03",
			"locality-team-04", "locality-team-05", "locality-team-06", "locality-team-07", "locality-team-08",
			"locality-team-09", "locality-team-10", "locality-team-11", "locality-team-12", "locality-team-13",
			"locality-team-14");

	static final int PEOPLE = 5000;

	static final double ASSIGNED = 0.6;

	static final double OVERDUE = 0.2;

	/** Demo users who read the queue in the benchmark: they hold work like everyone else. */
	static final Map<String, List<String>> DEMO_USERS = Map.of("mash-social-worker",
			List.of("sam.screener", "sid.screener"), "mash-manager", List.of("maya.manager", "mo.manager"),
			"assessment-social-worker", List.of("alex.assessor"), "police-liaison", List.of("paul.police"));

	static final List<String> GIVEN = List.of("Amelia", "Olivia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie",
			"Sophia", "Grace", "Freya", "Willow", "Florence", "Emily", "Ella", "Poppy", "Evie", "Elsie", "Charlotte",
			"Noah", "Muhammad", "George", "Oliver", "Leo", "Arthur", "Oscar", "Theodore", "Freddie", "Theo", "Jack",
			"Archie", "Henry", "Alfie", "Charlie", "Finley", "Harry", "Jacob", "Thomas", "Isaac");

	static final List<String> FAMILY = List.of("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson",
			"Davies", "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall",
			"Thomas", "Clarke", "Jackson", "Wood", "Harris", "Edwards", "Turner", "Martin", "Cooper", "Hill", "Ward",
			"Hughes", "Moore", "Clark", "King", "Harrison", "Lewis", "Baker", "Lee", "Allen", "Morris", "Khan", "Scott",
			"Watson", "Davis", "Parker", "James", "Bennett", "Young", "Phillips", "Richardson", "Mitchell", "Bailey",
			"Carter", "Cook", "Singh", "Shaw", "Bell", "Collins", "Morgan", "Kelly", "Begum");

	private WorkMix() {
	}

	/** The teams and their people. */
	static String[] teams() {
		StringBuilder demo = new StringBuilder();
		DEMO_USERS.forEach((group, users) -> {
			for (int i = 0; i < users.size(); i++) {
				demo.append("update bench_person set name = '")
					.append(users.get(i))
					.append("' where grp = '")
					.append(group)
					.append("' and idx = ")
					.append(i)
					.append(";");
			}
		});
		return new String[] { "drop table if exists bench_group", "drop table if exists bench_person", """
				create table bench_group as
				select name, rank, (sum(w) over (order by rank) - w) / total as lo, sum(w) over (order by rank) / total as hi,
				  greatest(2, round(%d * w / total))::int as people
				from (select name, rank, 1 / sqrt(rank) as w, sum(1 / sqrt(rank)) over () as total
				      from unnest(%s) with ordinality as g(name, rank)) g""".formatted(PEOPLE, array(GROUPS)),
				// the last team takes what rounding leaves at the top
				"update bench_group set hi = 2 where rank = " + GROUPS.size(), """
						create table bench_person as
						select g.name as grp, i as idx, 'worker-' || lpad((row_number() over (order by g.rank, i))::text, 4, '0') as name
						from bench_group g, generate_series(0, g.people - 1) i""", demo.toString() };
	}

	/**
	 * Open work (kind 'open'), completed history ('closed') and recorded contacts for
	 * stock Camunda to start ('stock').
	 */
	static String items(int open, int closed, int stock, Instant now) {
		String at = "'" + now + "'::timestamptz";
		String dates = """
				case when r.n <= %1$d then
				       case when r.r4 < %3$s then %4$s - interval '1 minute' - r.r5 * interval '10 days'
				            else %4$s + interval '1 minute' + r.r5 * interval '30 days' end
				     when r.n <= %2$d then %4$s - interval '2 days' - r.r5 * interval '365 days' + interval '1 day'
				     else %4$s + interval '1 day' end""".formatted(open, open + closed, OVERDUE, at);
		return """
				select r.n, case when r.n <= %1$d then 'open' when r.n <= %2$d then 'closed' else 'stock' end as kind,
				  g.name as grp, case when r.n > %1$d or r.r2 < %3$s then p.name end as assignee,
				  case when r.r6 < 0.1 then 'RED' when r.r6 < 0.4 then 'AMBER' when r.r6 < 0.85 then 'GREEN' end as rag,
				  (%4$s)[1 + floor(r.r7 * %5$d)::int] as given, (%6$s)[1 + floor(r.r8 * %7$d)::int] as family,
				  (%8$s - interval '2 years' - r.r9 * interval '14 years')::date as dob,
				  d.due_at - interval '1 day' as received_at, d.due_at - interval '1 day' + interval '200 milliseconds' as created_at,
				  d.due_at - interval '6 hours' as warn_at, d.due_at,
				  case when r.n > %1$d and r.n <= %2$d then d.due_at - interval '1 day' + r.r4 * interval '31 hours' end as ended_at,
				  %8$s as generated_at
				from (select n, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7,
				        random() r8, random() r9 from generate_series(1, %9$d) n) r
				cross join lateral (select %10$s as due_at) d
				join bench_group g on r.r1 >= g.lo and r.r1 < g.hi
				left join bench_person p on p.grp = g.name and p.idx = floor(r.r3 * g.people)::int"""
			.formatted(open, open + closed, ASSIGNED, array(GIVEN), GIVEN.size(), array(FAMILY), FAMILY.size(), at,
					open + closed + stock, dates);
	}

	/**
	 * Open work whose warning timers are all in the future: {@code dueAtOnce} of them
	 * spread over the minute from {@code minute}, the rest 1 to 30 days away.
	 */
	static String timers(int total, int dueAtOnce, Instant minute, Instant now) {
		String at = "'" + now + "'::timestamptz";
		String warn = """
				case when r.n <= %1$d then '%2$s'::timestamptz + (r.n - 1) * interval '60 seconds' / %1$d
				     else %3$s + interval '1 day' + r.r5 * interval '30 days' end""".formatted(dueAtOnce, minute, at);
		return """
				select r.n, 'open' as kind, g.name as grp, case when r.r2 < %1$s then p.name end as assignee,
				  'GREEN' as rag, 'Child' as given, 'Timer' || r.n as family, date '2015-01-01' as dob,
				  w.warn_at + interval '6 hours' - interval '1 day' as received_at,
				  w.warn_at + interval '6 hours' - interval '1 day' + interval '200 milliseconds' as created_at,
				  w.warn_at, w.warn_at + interval '6 hours' as due_at, null::timestamptz as ended_at, %2$s as generated_at
				from (select n, random() r1, random() r2, random() r3, random() r5 from generate_series(1, %3$d) n) r
				cross join lateral (select %4$s as warn_at) w
				join bench_group g on r.r1 >= g.lo and r.r1 < g.hi
				left join bench_person p on p.grp = g.name and p.idx = floor(r.r3 * g.people)::int"""
			.formatted(ASSIGNED, at, total, warn);
	}

	private static String array(List<String> values) {
		return "array[" + String.join(", ", values.stream().map(WorkGenerator::quote).toList()) + "]";
	}

}
