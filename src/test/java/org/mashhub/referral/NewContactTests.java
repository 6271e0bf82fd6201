package org.mashhub.referral;

import java.util.Collections;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a contact must hold before the front door looks at its rules, as its form declares
 * it, checked by Bean Validation alone (no server), and how its words read in a sentence.
 */
class NewContactTests {

	private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

	@Test
	void aContactWithAReferrerAChildConcernsAndConsentIsComplete() {
		assertThat(invalidFields(NewContacts.aContact().build())).isEmpty();
	}

	@Test
	void aDashScoreAbove24IsRefused() {
		NewContact contact = NewContacts.aContact().withDomesticAbuse(25, 3, false, null).build();

		assertThat(invalidFields(contact)).containsExactly("domesticAbuse.dashTicks");
	}

	@Test
	void aDashScoreOf24IsTaken() {
		NewContact contact = NewContacts.aContact().withDomesticAbuse(24, 3, false, null).build();

		assertThat(invalidFields(contact)).isEmpty();
	}

	@Test
	void aContactAboutNoChildIsRefused() {
		NewContact contact = NewContacts.aContact().withChildren().build();

		assertThat(invalidFields(contact)).containsExactly("children");
	}

	@Test
	void aContactAboutMoreThanTenChildrenIsRefused() {
		NewContact.ChildInContact[] eleven = Collections.nCopies(11, NewContacts.aChild("Amy", null))
			.toArray(NewContact.ChildInContact[]::new);

		assertThat(invalidFields(NewContacts.aContact().withChildren(eleven).build())).containsExactly("children");
	}

	@Test
	void aChildWithoutAGivenNameIsRefused() {
		NewContact contact = NewContacts.aContact().withChildren(NewContacts.aChild(" ", null)).build();

		assertThat(invalidFields(contact)).containsExactly("children[0].givenNames");
	}

	@Test
	void aContactWithoutConcernsIsRefused() {
		NewContact contact = NewContacts.aContact().withConcerns("   ").build();

		assertThat(invalidFields(contact)).containsExactly("concerns");
	}

	@Test
	void anAgencyIsNamedTheWayASentenceNamesIt() {
		assertThat(NewContact.Agency.EARLY_HELP.label()).isEqualTo("Early help");
	}

	@Test
	void aConcernIsNamedTheWayASentenceNamesIt() {
		assertThat(NewContact.Category.DOMESTIC_ABUSE.inWords()).isEqualTo("domestic abuse");
	}

	private static List<String> invalidFields(NewContact contact) {
		return VALIDATOR.validate(contact)
			.stream()
			.map(ConstraintViolation::getPropertyPath)
			.map(Object::toString)
			.sorted()
			.toList();
	}

}
