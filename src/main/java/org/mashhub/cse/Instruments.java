package org.mashhub.cse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The screening instruments: every file of {@code mash.cse.instruments} is checked and
 * loaded into the instrument tables as the app starts, once per version. A version
 * already loaded may not change (a finished screening keeps what it was scored with); a
 * council changes its tool by a new version. New screenings use the latest version of
 * {@code mash.cse.instrument}.
 */
@Service
public class Instruments implements InitializingBean {

	private final InstrumentRecords records;

	private final RiskDecision decision;

	private final CseSettings settings;

	private final ResourceLoader resources;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final Map<String, Instrument> byVersion = new ConcurrentHashMap<>();

	Instruments(InstrumentRecords records, RiskDecision decision, CseSettings settings, ResourceLoader resources,
			PlatformTransactionManager transactions, Clock clock) {
		this.records = records;
		this.decision = decision;
		this.settings = settings;
		this.resources = resources;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@Override
	public void afterPropertiesSet() {
		for (String location : this.settings.instruments()) {
			load(this.resources.getResource(location));
		}
		if (this.records.latestVersion(this.settings.instrument()).isEmpty()) {
			throw new IllegalStateException("mash.cse.instrument names " + this.settings.instrument()
					+ ", which no instrument file of mash.cse.instruments holds.");
		}
	}

	/** Loads one file: checked, and stored unless that version is already there. */
	Instrument load(Resource file) {
		InstrumentFile.Read read;
		try (InputStream in = file.getInputStream()) {
			read = InstrumentFile.read(file.getDescription(), in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Exploitation instrument " + file.getDescription() + " cannot be read", ex);
		}
		Instrument instrument = read.instrument();
		if (!this.decision.exists(instrument.decision())) {
			throw new InstrumentFile.InvalidInstrument(file.getDescription(),
					"no model in bpmn/ holds its decision " + instrument.decision());
		}
		this.transaction.executeWithoutResult((status) -> {
			Optional<String> stored = this.records.checksum(instrument.id(), instrument.version());
			if (stored.isEmpty()) {
				this.records.insert(instrument, read.checksum(), this.clock.instant());
			}
			else if (!stored.get().equals(read.checksum())) {
				throw new InstrumentFile.InvalidInstrument(file.getDescription(),
						"version " + instrument.version() + " of " + instrument.id()
								+ " was loaded before with other content; give the changed tool a new version");
			}
		});
		return instrument;
	}

	/** The instrument new screenings use: the latest version of the configured one. */
	public Instrument inUse() {
		return latest(this.settings.instrument());
	}

	Instrument latest(String id) {
		int version = this.records.latestVersion(id)
			.orElseThrow(() -> new NoSuchElementException("No exploitation instrument " + id));
		return find(id, version);
	}

	/** An instrument at the version a screening was scored with. */
	public Instrument find(String id, int version) {
		return this.byVersion.computeIfAbsent(id + ":" + version, (key) -> this.records.find(id, version)
			.orElseThrow(() -> new NoSuchElementException("No exploitation instrument " + id + " version " + version)));
	}

}
