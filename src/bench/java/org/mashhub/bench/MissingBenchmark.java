package org.mashhub.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Missing children at a year's scale: 100,000 episodes (5,000 open, 2,000 back and
 * awaiting their interview, the rest closed with an interview recorded), written by SQL
 * as the app writes them; the coordinator's four dashboard tables asked for one at a time
 * through the API, and returns reported by the police system at concurrency 8 on episodes
 * it reported through the real API (each return moves a real process on).
 */
final class MissingBenchmark {

	static final int EPISODES = 100_000;

	static final int OPEN = 5_000;

	static final int AWAITING = 2_000;

	private static final List<String> TABLES = List.of("missing-now", "awaiting-interview", "interviews",
			"repeat-missing");

	private final BenchDatabase database;

	private final BenchClient client;

	private final String url;

	MissingBenchmark(BenchDatabase database, BenchClient client, String url) {
		this.database = database;
		this.client = client;
		this.url = url;
	}

	/** One dashboard table's latencies. */
	record Table(String table, Latencies latencies) {
	}

	/** Writes the year of episodes; returns how many rows. */
	static long generate(BenchDatabase database) {
		List<String> statements = List.of("""
				insert into child (id, given_names, family_name, matching_name, date_of_birth, created_at)
				select md5('bench-missing-child-' || g)::uuid, 'Bench', 'Missing' || g, 'bench missing' || g,
				  date '2009-01-01' + (g % 3000), now()
				from generate_series(1, 40000) g""", """
				insert into missing_episode (id, reference, child_id, child_given_names, child_family_name,
				  child_date_of_birth, type, risk_grade, last_seen_at, started_at, reported_at, reported_by_name,
				  reported_by_role, recorded_at, recorded_by, channel, repeat_missing, returned_at, found_by,
				  return_recorded_at, return_recorded_by, interview_due_at, interview_recorded_at)
				select md5('bench-episode-' || i)::uuid, 'MIS-B-' || lpad(i::text, 6, '0'),
				  md5('bench-missing-child-' || c)::uuid, 'Bench', 'Missing' || c, date '2009-01-01' + (c %% 3000),
				  case when i %% 5 = 0 then 'A' else 'M' end,
				  (array['NO_APPARENT_RISK', 'LOW', 'MEDIUM', 'HIGH'])[1 + i %% 4], s, s, s + interval '1 hour', 'Bench',
				  'Foster carer', s + interval '1 hour', 'bench', 'STAFF', i %% 40 = 0, r, case when r is not null then 'Bench' end,
				  r, case when r is not null then 'bench' end, r + interval '72 hours',
				  case when i > %1$d + %2$d then r + case when i %% 10 = 0 then interval '80 hours' else interval '30 hours' end end
				from (select i, c, s, case when i <= %1$d then null else s + interval '10 hours' end as r
				  from (select i,
				    case when i <= %1$d + %2$d then i else %1$d + %2$d + 1 + (i - %1$d - %2$d) %% 33000 end as c,
				    case when i <= %1$d then now() - (i %% 168) * interval '1 hour'
				         when i <= %1$d + %2$d then now() - interval '10 hours' - (i %% 60) * interval '1 hour'
				         else now() - interval '3 days' - (i - %1$d - %2$d) * interval '1 day' * 362 / %3$d end as s
				    from generate_series(1, %3$d) i) numbered) timed"""
			.formatted(OPEN, AWAITING, EPISODES), """
				insert into return_interview (episode_id, offered_at, offered_how, offered_by, outcome, outcome_reason,
				  held_at, held_where, interviewer, provider_type, intelligence_to_police, recorded_at, recorded_by,
				  due_at)
				select e.id, e.returned_at + interval '20 hours', 'Phone', 'Bench',
				  (array['HELD', 'HELD', 'HELD', 'HELD', 'HELD', 'HELD', 'HELD', 'DECLINED', 'DECLINED',
				    'NOT_POSSIBLE'])[1 + n % 10],
				  case when n % 10 >= 7 then 'Bench' end,
				  case when n % 10 < 7 then e.returned_at + interval '24 hours' end,
				  case when n % 10 < 7 then 'Youth centre' end, case when n % 10 < 7 then 'bench' end,
				  case when n % 10 < 7 then (array['COUNCIL_TEAM', 'COMMISSIONED_SERVICE', 'SOCIAL_WORKER',
				    'OTHER'])[1 + n % 4] end,
				  false, e.interview_recorded_at, 'bench', e.interview_due_at
				from (select id, returned_at, interview_due_at, interview_recorded_at,
				  substring(reference from 7)::int as n from missing_episode
				  where reference like 'MIS-B-%' and interview_recorded_at is not null) e""", """
				update missing_episode e set interview_outcome = i.outcome,
				  interview_provider_type = i.provider_type, interview_in_time = i.recorded_at <= i.due_at
				from return_interview i where i.episode_id = e.id and e.reference like 'MIS-B-%'""", """
				insert into missing_risk_review (episode_id, reviewed_at, reviewed_by, grade_from, grade_to, notes)
				select id, started_at + k * interval '8 hours', 'bench', risk_grade, risk_grade, 'Bench'
				from missing_episode, generate_series(1, 2) k
				where reference like 'MIS-B-%' and returned_at is null""", """
				update missing_episode e set last_reviewed_at = r.reviewed_at
				from (select episode_id, max(reviewed_at) as reviewed_at from missing_risk_review group by episode_id) r
				where r.episode_id = e.id""",
				"analyze child", "vacuum analyze missing_episode", "analyze return_interview", "analyze missing_risk_review");
		long rows = 0;
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				rows += Math.max(0, statement.executeUpdate(sql));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return rows;
	}

	/** Each table, one request at a time, as a coordinator opening the dashboard. */
	List<Table> dashboard(int warmUp, int samples) {
		String token = this.client.userToken("mia.missing");
		List<Table> tables = new ArrayList<>();
		for (String table : TABLES) {
			String path = this.url + "/api/missing/dashboard/" + table;
			for (int i = 0; i < warmUp; i++) {
				BenchClient.ok(this.client.get(path, token));
			}
			Latencies latencies = new Latencies();
			for (int i = 0; i < samples; i++) {
				long sent = System.nanoTime();
				BenchClient.ok(this.client.get(path, token));
				latencies.add(System.nanoTime() - sent);
			}
			tables.add(new Table(table, latencies));
		}
		return tables;
	}

	/** The police system reports {@code count} children missing, through the API. */
	List<String> reported(String prefix, int count) {
		List<String> references = new ArrayList<>();
		Instant lastSeen = Instant.now().minusSeconds(7200);
		for (int i = 0; i < count; i++) {
			references.add(BenchClient.json(BenchClient.ok(this.client.post(this.url + "/api/missing-episodes",
					this.client.partnerToken("police"), """
							{"child": {"givenNames": "Bench", "familyName": "%s%s", "dateOfBirth": "2012-02-02"},
							 "type": "M", "riskGrade": "MEDIUM", "lastSeenAt": "%s", "reportedByName": "PC Bench",
							 "reportedByRole": "Police officer"}""".formatted(prefix, letters(i), lastSeen),
					Map.of("Idempotency-Key", "bench-missing-" + prefix + i))))
				.get("reference")
				.asText());
		}
		return references;
	}

	/** The police system reports each child's return, at the concurrency given. */
	IntakeBenchmark.Run returns(List<String> references, int concurrency) {
		String token = this.client.partnerToken("police");
		return IntakeBenchmark.run(concurrency, references.size(),
				(index) -> BenchClient.ok(this.client.post(
						this.url + "/api/missing-episodes/" + references.get(index) + "/return", token,
						"{\"returnedAt\": \"" + Instant.now().minusSeconds(60) + "\", \"foundBy\": \"PC Bench\"}",
						Map.of())));
	}

	/**
	 * A number in letters: children are matched by name, and a name's digits do not count.
	 */
	private static String letters(int number) {
		StringBuilder letters = new StringBuilder();
		int rest = number;
		do {
			letters.append((char) ('a' + rest % 26));
			rest /= 26;
		}
		while (rest > 0);
		return letters.toString();
	}

	static Map<String, Object> figures(List<Table> tables, IntakeBenchmark.Run returns) {
		Map<String, Object> figures = new LinkedHashMap<>();
		tables.forEach((table) -> figures.put(table.table(), table.latencies().summary()));
		figures.put("returns_concurrency_" + returns.concurrency(), returns.latencies().summary());
		return figures;
	}

}
