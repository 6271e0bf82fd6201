package org.mashhub.notification.web;

import org.mashhub.notification.Notices;
import org.mashhub.security.CurrentUser;

import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.TransactionException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The unread count in every page's header, for people signed in to the UI.
 */
@ControllerAdvice(annotations = Controller.class)
class UnreadNotices {

	private final Notices notices;

	UnreadNotices(Notices notices) {
		this.notices = notices;
	}

	@ModelAttribute("unreadNotices")
	Integer unreadNotices(Authentication authentication) {
		if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser)) {
			return null;
		}
		CurrentUser reader = CurrentUser.of(authentication);
		try {
			return this.notices.unreadCount(reader.username(), reader.groups());
		}
		catch (DataAccessResourceFailureException | TransactionException ex) {
			// The header's count never stops a page: with the database out of reach (its
			// connection refused or broken) the page says so itself
			return null;
		}
	}

}
