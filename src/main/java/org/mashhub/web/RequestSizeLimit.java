package org.mashhub.web;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API bodies over 64 KB before reading them (nothing the API takes is larger),
 * and bodies of unknown length, which could be of any size.
 */
@Component
class RequestSizeLimit extends OncePerRequestFilter {

	static final long MAX_BYTES = 64 * 1024;

	private final ObjectMapper json;

	RequestSizeLimit(ObjectMapper json) {
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String method = request.getMethod();
		return !request.getRequestURI().startsWith("/api/")
				|| !("POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		if (length > MAX_BYTES) {
			refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "The request body is larger than 64 KB.");
			return;
		}
		if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
			refuse(response, HttpStatus.LENGTH_REQUIRED,
					"Send a Content-Length: bodies of unknown length are refused.");
			return;
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), ProblemDetail.forStatusAndDetail(status, detail));
	}

}
