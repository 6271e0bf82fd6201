package org.mashhub.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Requests the server refuses before the application sees them (an address it cannot
 * parse, such as an encoded slash): on the API the answer is still a problem document,
 * and nothing of the server is shown on any page.
 */
@Component
class ServerErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers((context) -> {
			for (Valve valve : context.getParent().getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve) {
					context.getParent().getPipeline().removeValve(valve);
				}
			}
			ProblemReports reports = new ProblemReports();
			reports.setShowReport(false);
			reports.setShowServerInfo(false);
			context.getParent().getPipeline().addValve(reports);
			// Else the host adds Tomcat's own when it starts, and that one answers first
			((StandardHost) context.getParent()).setErrorReportValveClass(ProblemReports.class.getName());
		});
	}

	/** After Spring Boot's own, which this replaces. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/** Tomcat's error report, as a problem document for the API. */
	static class ProblemReports extends ErrorReportValve {

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			String uri = request.getRequestURI();
			int status = response.getStatus();
			if (uri == null || !uri.startsWith("/api/") || status < 400 || response.isCommitted()
					|| response.getContentWritten() > 0) {
				super.report(request, response, throwable);
				return;
			}
			if (!response.setErrorReported()) {
				return;
			}
			HttpStatus known = HttpStatus.resolve(status);
			String title = (known != null) ? known.getReasonPhrase() : "Error";
			try {
				response.setContentType("application/problem+json");
				response.setCharacterEncoding("UTF-8");
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
							+ ",\"detail\":\"The server could not take this request: check its address and headers.\"}");
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// The client has gone: there is nobody left to tell
			}
		}

	}

}
