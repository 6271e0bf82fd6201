package org.mashhub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's side: its own commit rate on this machine (pgbench, TPC-B-like), and how
 * many SQL statements and transactions an action costs (pg_stat_statements and
 * pg_stat_database).
 */
final class DatabaseFigures {

	private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

	private DatabaseFigures() {
	}

	/** Transactions per second, or NaN when pgbench is not installed. */
	static double pgbench(BenchDatabase server, int clients, int seconds) {
		Path pgbench = Path.of("/usr/bin/pgbench");
		if (!Files.isExecutable(pgbench)) {
			return Double.NaN;
		}
		BenchDatabase database = server.other("pgbench");
		String port = Integer.toString(database.port());
		Commands.output(List.of(pgbench.toString(), "-h", "localhost", "-p", port, "-U", "postgres", "-i", "-q", "-s", "10",
				"pgbench"));
		String output = Commands.output(List.of(pgbench.toString(), "-h", "localhost", "-p", port, "-U", "postgres", "-c",
				Integer.toString(clients), "-j", "2", "-T", Integer.toString(seconds), "-M", "prepared", "pgbench"));
		Matcher tps = TPS.matcher(output);
		if (!tps.find()) {
			throw new IllegalStateException("pgbench said: " + output);
		}
		return Double.parseDouble(tps.group(1));
	}

	/**
	 * Statements and commits the action caused, per time it ran, with the commonest
	 * statements and those that took the database longest.
	 */
	static Map<String, Object> statementsPer(BenchDatabase database, int times, Runnable action) {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("create extension if not exists pg_stat_statements");
			statement.execute("select pg_stat_statements_reset()");
			long commitsBefore = commits(statement, database.name());
			action.run();
			long commits = commits(statement, database.name()) - commitsBefore;
			Map<String, Object> figures = new LinkedHashMap<>();
			List<Map<String, Object>> top = new ArrayList<>();
			long calls = 0;
			long transactions = 0;
			try (ResultSet result = statement.executeQuery("""
					select s.calls, s.query from pg_stat_statements s join pg_database d on d.oid = s.dbid
					where d.datname = current_database() and s.query not like '%pg_stat_%'
					order by s.calls desc""")) {
				while (result.next()) {
					calls += result.getLong(1);
					if (result.getString(2).strip().equalsIgnoreCase("BEGIN")) {
						transactions = result.getLong(1);
					}
					if (top.size() < 15) {
						Map<String, Object> row = new LinkedHashMap<>();
						row.put("per_action", Latencies.round(result.getLong(1) / (double) times));
						row.put("statement", result.getString(2).replaceAll("\\s+", " "));
						top.add(row);
					}
				}
			}
			List<Map<String, Object>> costliest = new ArrayList<>();
			try (ResultSet result = statement.executeQuery("""
					select s.total_exec_time, s.calls, s.query from pg_stat_statements s join pg_database d on d.oid = s.dbid
					where d.datname = current_database() and s.query not like '%pg_stat_%'
					order by s.total_exec_time desc limit 10""")) {
				while (result.next()) {
					Map<String, Object> row = new LinkedHashMap<>();
					row.put("ms_per_action", Latencies.round(result.getDouble(1) / times));
					row.put("ms_per_call", Latencies.round(result.getDouble(1) / Math.max(1, result.getLong(2))));
					row.put("statement", result.getString(3).replaceAll("\\s+", " "));
					costliest.add(row);
				}
			}
			figures.put("actions", times);
			figures.put("statements_per_action", Latencies.round(calls / (double) times));
			figures.put("commits_per_action", Latencies.round(commits / (double) times));
			// The statement log's own count of transactions begun: xact_commit above also
			// counts every statement anyone ran outside one (the job executor's
			// acquisition, pool checks)
			figures.put("transactions_per_action", Latencies.round(transactions / (double) times));
			figures.put("commonest_statements", top);
			figures.put("costliest_statements", costliest);
			return figures;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long commits(Statement statement, String database) throws SQLException {
		// Other sessions report their commits at most once a second
		AppNode.pause(java.time.Duration.ofMillis(1500));
		try (ResultSet result = statement
			.executeQuery("select xact_commit from pg_stat_database where datname = '" + database + "'")) {
			result.next();
			return result.getLong(1);
		}
	}

	/** Rows and size of the biggest tables, for the report. */
	static Map<String, Object> tableSizes(BenchDatabase database) {
		Map<String, Object> sizes = new LinkedHashMap<>();
		try (Connection connection = database.connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("""
						select relname, n_live_tup, pg_total_relation_size(relid) / 1048576 as mb
						from pg_stat_user_tables where n_live_tup > 0 order by pg_total_relation_size(relid) desc limit 16""")) {
			while (result.next()) {
				sizes.put(result.getString(1), Map.of("rows", result.getLong(2), "mb_with_indexes", result.getLong(3)));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return sizes;
	}

}
