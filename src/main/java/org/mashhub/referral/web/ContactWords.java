package org.mashhub.referral.web;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.mashhub.referral.NewContact;

import org.springframework.stereotype.Component;

/**
 * The words for the front door's codes that its views carry as stored text (a triage's
 * referrer agency, categories, consent and feedback route), for the pages to call as
 * {@code @contactWords}: each is said as its enum says it, so no page shows "NOT_SOUGHT".
 */
@Component("contactWords")
public class ContactWords {

	/** "Member of the public" for PUBLIC. */
	public String agency(String name) {
		return words(NewContact.Agency.class, name, NewContact.Agency::label);
	}

	/** "Domestic abuse" for DOMESTIC_ABUSE. */
	public String category(String name) {
		return words(NewContact.Category.class, name, NewContact.Category::label);
	}

	/** The categories as a list reads them: "Neglect, Domestic abuse". */
	public String categories(List<String> names) {
		return names.stream().map(this::category).collect(Collectors.joining(", "));
	}

	/** "Email" for EMAIL. */
	public String feedbackRoute(String name) {
		return words(NewContact.FeedbackRoute.class, name, NewContact.FeedbackRoute::label);
	}

	/** "Not sought" for NOT_SOUGHT. */
	public String consent(String name) {
		return words(NewContact.ConsentStatus.class, name, NewContact.ConsentStatus::label);
	}

	/**
	 * The code's words; null for none, and a code this version does not know (written by
	 * a later one) as it was stored rather than a broken page.
	 */
	private static <E extends Enum<E>> String words(Class<E> type, String name, Function<E, String> words) {
		if (name == null) {
			return null;
		}
		try {
			return words.apply(Enum.valueOf(type, name));
		}
		catch (IllegalArgumentException ex) {
			return name;
		}
	}

}
