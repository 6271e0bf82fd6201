package org.mashhub.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.util.FileSystemUtils;

/**
 * The real PostgreSQL every figure is measured on: the embedded binaries, in a fresh data
 * folder, with crash safety on (fsync, synchronous commit) and settings a production
 * database of this size would have.
 */
final class BenchDatabase implements AutoCloseable {

	/** PostgreSQL settings of the run, reported with the figures. */
	static final Map<String, String> SETTINGS = new LinkedHashMap<>();

	static {
		SETTINGS.put("fsync", "on");
		SETTINGS.put("synchronous_commit", "on");
		SETTINGS.put("shared_buffers", "2GB");
		SETTINGS.put("effective_cache_size", "8GB");
		SETTINGS.put("maintenance_work_mem", "512MB");
		SETTINGS.put("random_page_cost", "1.1");
		SETTINGS.put("max_wal_size", "8GB");
		SETTINGS.put("checkpoint_timeout", "30min");
		SETTINGS.put("max_connections", "300");
		SETTINGS.put("shared_preload_libraries", "pg_stat_statements");
		SETTINGS.put("pg_stat_statements.track", "all");
	}

	private final EmbeddedPostgres postgres;

	private final String database;

	private BenchDatabase(EmbeddedPostgres postgres, String database) {
		this.postgres = postgres;
		this.database = database;
	}

	static BenchDatabase start(Path dataDirectory, String database, boolean keep) {
		try {
			// A run that was stopped hard leaves its data behind: every run starts afresh
			FileSystemUtils.deleteRecursively(dataDirectory);
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(!keep)
				.setRegisterShutdownHook(true);
			SETTINGS.forEach(builder::setServerConfig);
			BenchDatabase started = new BenchDatabase(builder.start(), database);
			started.createDatabase(database);
			return started;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void createDatabase(String name) {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + name + " with (force)");
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + name, ex);
		}
	}

	/** The same server, another database (a fresh app for the timer runs). */
	BenchDatabase other(String name) {
		createDatabase(name);
		return new BenchDatabase(this.postgres, name);
	}

	int port() {
		return this.postgres.getPort();
	}

	String name() {
		return this.database;
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + port() + "/" + this.database;
	}

	Connection connect() {
		try {
			return DriverManager.getConnection(jdbcUrl(), "postgres", "");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
