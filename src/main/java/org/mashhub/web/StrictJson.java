package org.mashhub.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON is read as it was meant: a field the API does not know is refused (a misspelt
 * "safeToContactVictm" must not be dropped in silence), so is a field given twice; a
 * number is not a text nor a text a number, nor a code (1 is not "NEGLECT"), 1.5 is not a
 * whole number, and a date lies between 1900 and 2200. Each refusal is a 400 that names
 * the field. Control characters in text are refused before the body is read
 * ({@link TextWithoutControlCharacters}).
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

	static final int FIRST_YEAR = 1900;

	static final int LAST_YEAR = 2200;

	@Bean
	Jackson2ObjectMapperBuilderCustomizer strictJsonReading() {
		return (builder) -> builder
			.featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
					DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
			.featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS, DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.postConfigurer((mapper) -> {
				mapper.coercionConfigFor(LogicalType.Textual)
					.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
					.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
				mapper.coercionConfigFor(LogicalType.Boolean)
					.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
			});
	}

	/** Dates and instants of the years a child's case can have, and no others. */
	@Bean
	Module datesThisServiceTakes() {
		return new SimpleModule("dates-this-service-takes")
			.addDeserializer(LocalDate.class,
					new InYears<>(LocalDate.class, LocalDateDeserializer.INSTANCE, LocalDate::getYear))
			.addDeserializer(Instant.class, new InYears<>(Instant.class, InstantDeserializer.INSTANT,
					(instant) -> instant.atOffset(ZoneOffset.UTC).getYear()));
	}

	/** A date read as usual, then refused when its year is out of range. */
	static final class InYears<T> extends StdDeserializer<T> {

		private final JsonDeserializer<? extends T> dates;

		private final java.util.function.ToIntFunction<T> year;

		InYears(Class<T> type, JsonDeserializer<? extends T> dates, java.util.function.ToIntFunction<T> year) {
			super(type);
			this.dates = dates;
			this.year = year;
		}

		@Override
		@SuppressWarnings("unchecked")
		public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
			T value = this.dates.deserialize(parser, context);
			if (value != null) {
				int year = this.year.applyAsInt(value);
				if (year < FIRST_YEAR || year > LAST_YEAR) {
					return (T) context.handleWeirdStringValue(handledType(), parser.getText(),
							"a date between " + FIRST_YEAR + " and " + LAST_YEAR + " is expected");
				}
			}
			return value;
		}

	}

}
