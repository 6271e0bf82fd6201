package org.mashhub.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * No text in a JSON body may hold a control character other than tab and line breaks: a
 * NUL cannot be stored, and a date or a code padded with them would otherwise be trimmed
 * and taken. Checked on the raw body, before any field is read, so every kind of field is
 * covered.
 */
@ControllerAdvice
class TextWithoutControlCharacters extends RequestBodyAdviceAdapter {

	private final ObjectMapper json;

	TextWithoutControlCharacters(ObjectMapper json) {
		this.json = json;
	}

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return AbstractJackson2HttpMessageConverter.class.isAssignableFrom(converterType);
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		byte[] body = input.getBody().readAllBytes();
		try (JsonParser parser = this.json.getFactory().createParser(body)) {
			for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
				if ((token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME)
						&& hasControl(parser.getText())) {
					throw new InvalidText(
							parser.getParsingContext().pathAsPointer().toString().substring(1).replace('/', '.'));
				}
			}
		}
		catch (JsonProcessingException ex) {
			// Not JSON at all: the converter says so in its own words
		}
		HttpHeaders headers = input.getHeaders();
		return new HttpInputMessage() {

			@Override
			public InputStream getBody() {
				return new ByteArrayInputStream(body);
			}

			@Override
			public HttpHeaders getHeaders() {
				return headers;
			}

		};
	}

	private static boolean hasControl(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
				return true;
			}
		}
		return false;
	}

	/** A text in the body holds a control character. */
	static final class InvalidText extends RuntimeException {

		private final String field;

		InvalidText(String field) {
			super("Control characters other than tab and line breaks are not allowed in text.");
			this.field = field;
		}

		String field() {
			return this.field;
		}

	}

}
