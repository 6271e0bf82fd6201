package org.mashhub.tasks.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * Where a form sends the person back to: one of this app's own pages, read as a parsed
 * address, never a pattern over the text. Anything else (another host, a scheme, a
 * character a browser would drop or bend, such as a tab that turns {@code /\t/host} into
 * {@code //host}) goes to My work.
 */
final class ReturnAddress {

	static final String MY_WORK = "/work";

	/**
	 * The pages a work-queue form may return to, as parsed paths: the lists, and a task's
	 * page (the work queue's or its module's own form).
	 */
	private static final Pattern PAGES = Pattern.compile("/(work|team|([a-z]{1,32}/)?tasks/[A-Za-z0-9-]{1,64})");

	private ReturnAddress() {
	}

	static String of(String returnTo) {
		if (returnTo == null || returnTo.isEmpty()) {
			return MY_WORK;
		}
		URI uri;
		try {
			uri = new URI(returnTo);
		}
		catch (URISyntaxException ex) {
			return MY_WORK;
		}
		String path = uri.getRawPath();
		if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawFragment() != null || path == null
				|| !PAGES.matcher(path).matches()) {
			return MY_WORK;
		}
		return (uri.getRawQuery() != null) ? path + "?" + uri.getRawQuery() : path;
	}

}
