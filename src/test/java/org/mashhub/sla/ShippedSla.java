package org.mashhub.sla;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The SLA computation as shipped, for engine-only process tests: the policies of
 * application.yml on the shipped bank-holiday calendar, with no closure days, and the
 * parsing the app's engine does.
 */
public final class ShippedSla {

	private ShippedSla() {
	}

	public static Sla sla() {
		return new Sla(calculator());
	}

	/**
	 * What the app's engine adds to each model as it parses it: the deadline's close and
	 * cancel listeners, and its timers noted.
	 */
	public static ProcessEnginePlugin parsing() {
		return new DeadlineParsing();
	}

	public static SlaCalculator calculator() {
		SlaSettings settings = settings();
		ClosureDays none = new ClosureDays(null) {
			@Override
			boolean contains(LocalDate day) {
				return false;
			}
		};
		return new SlaCalculator(new WorkingCalendar(BankHolidays.shipped(), none, settings), settings);
	}

	private static SlaSettings settings() {
		try {
			List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application.yml",
					new ClassPathResource("application.yml"));
			return new Binder(ConfigurationPropertySources.from(yaml)).bind("mash.sla", SlaSettings.class).get();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
