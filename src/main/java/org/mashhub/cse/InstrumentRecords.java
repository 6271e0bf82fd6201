package org.mashhub.cse;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The instrument tables: each version of each instrument, whole. */
@Repository
class InstrumentRecords {

	private final JdbcClient jdbc;

	InstrumentRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<String> checksum(String id, int version) {
		return this.jdbc.sql("select checksum from cse_instrument where id = :id and version = :version")
			.param("id", id)
			.param("version", version)
			.query(String.class)
			.optional();
	}

	Optional<Integer> latestVersion(String id) {
		return this.jdbc.sql("select max(version) from cse_instrument where id = :id")
			.param("id", id)
			.query(Integer.class)
			.optional();
	}

	void insert(Instrument instrument, String checksum, Instant now) {
		this.jdbc.sql("""
				insert into cse_instrument (id, version, name, decision_key, checksum, loaded_at)
				values (:id, :version, :name, :decision, :checksum, :now)""")
			.param("id", instrument.id())
			.param("version", instrument.version())
			.param("name", instrument.name())
			.param("decision", instrument.decision())
			.param("checksum", checksum)
			.param("now", Timestamp.from(now))
			.update();
		int position = 0;
		for (Instrument.Domain domain : instrument.domains()) {
			this.jdbc.sql("""
					insert into cse_instrument_domain (instrument_id, instrument_version, code, label, position)
					values (:id, :version, :code, :label, :position)""")
				.param("id", instrument.id())
				.param("version", instrument.version())
				.param("code", domain.code())
				.param("label", domain.label())
				.param("position", position++)
				.update();
		}
		position = 0;
		for (Instrument.Indicator indicator : instrument.indicators()) {
			this.jdbc.sql("""
					insert into cse_instrument_indicator (instrument_id, instrument_version, code, domain_code, text,
					  weight, points, marks, position)
					values (:id, :version, :code, :domain, :text, :weight, :points, :marks, :position)""")
				.param("id", instrument.id())
				.param("version", instrument.version())
				.param("code", indicator.code())
				.param("domain", indicator.domain())
				.param("text", indicator.text())
				.param("weight", indicator.weight())
				.param("points", indicator.points())
				.param("marks", indicator.marks().stream().sorted().toArray(String[]::new))
				.param("position", position++)
				.update();
		}
	}

	Optional<Instrument> find(String id, int version) {
		record Header(String name, String decision) {
		}
		return this.jdbc.sql("select name, decision_key from cse_instrument where id = :id and version = :version")
			.param("id", id)
			.param("version", version)
			.query((rs, row) -> new Header(rs.getString("name"), rs.getString("decision_key")))
			.optional()
			.map((header) -> new Instrument(id, version, header.name(), null, header.decision(),
					this.jdbc.sql("""
							select code, label from cse_instrument_domain
							where instrument_id = :id and instrument_version = :version order by position""")
						.param("id", id)
						.param("version", version)
						.query((rs, row) -> new Instrument.Domain(rs.getString("code"), rs.getString("label")))
						.list(),
					this.jdbc.sql("""
							select code, domain_code, text, weight, points, marks from cse_instrument_indicator
							where instrument_id = :id and instrument_version = :version order by position""")
						.param("id", id)
						.param("version", version)
						.query((rs, row) -> new Instrument.Indicator(rs.getString("code"), rs.getString("domain_code"),
								rs.getString("text"), rs.getString("weight"), rs.getInt("points"),
								marks(rs.getArray("marks"))))
						.list()));
	}

	private static Set<String> marks(Array array) throws SQLException {
		return new HashSet<>(List.of((String[]) array.getArray()));
	}

}
