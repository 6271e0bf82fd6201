package org.mashhub.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL from the embedded binaries: in a kept data folder for the run
 * command, in a throw-away one for tests.
 */
public final class LocalPostgres implements AutoCloseable {

	public static final String DATABASE = "mashhub";

	private final EmbeddedPostgres postgres;

	private LocalPostgres(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	/** Data kept in {@code dataDirectory} between runs. */
	public static LocalPostgres startKeeping(Path dataDirectory, int port) {
		return start(EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(false)
			.setPort(port)
			// The run command keeps real work between runs: keep PostgreSQL's crash
			// safety
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on"));
	}

	/** A fresh database on a free port, gone when closed. */
	public static LocalPostgres startThrowAway() {
		return start(EmbeddedPostgres.builder());
	}

	private static LocalPostgres start(EmbeddedPostgres.Builder builder) {
		try {
			// The owner stops PostgreSQL only after the app that uses it has closed
			LocalPostgres local = new LocalPostgres(builder.setRegisterShutdownHook(false).start());
			local.createDatabase(DATABASE);
			return local;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void createDatabase(String name) {
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			try (ResultSet exists = statement
				.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
				if (!exists.next()) {
					statement.execute("create database " + name);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + name, ex);
		}
	}

	public int port() {
		return this.postgres.getPort();
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + port() + "/" + database;
	}

	public String jdbcUrl() {
		return jdbcUrl(DATABASE);
	}

	public String username() {
		return "postgres";
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
