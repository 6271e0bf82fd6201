package org.mashhub.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The metrics scraper's shared secret, compared in constant time; none set, nobody
 * presents it.
 */
final class ScrapeToken {

	private final byte[] expected;

	ScrapeToken(String token) {
		this.expected = (token != null && !token.isBlank())
				? ("Bearer " + token.strip()).getBytes(StandardCharsets.UTF_8) : null;
	}

	boolean presentedBy(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		return this.expected != null && header != null
				&& MessageDigest.isEqual(this.expected, header.strip().getBytes(StandardCharsets.UTF_8));
	}

}
