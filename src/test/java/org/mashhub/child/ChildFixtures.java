package org.mashhub.child;

import java.time.LocalDate;

import org.mashhub.testing.NhsNumbers;

/**
 * Children as the records know them, for the tests of every module that meets a child:
 * each with an NHS number no other test uses, so a contact with that number is linked to
 * this record and no other.
 */
public final class ChildFixtures {

	/** Every fixture child's date of birth: 3 March 2014. */
	public static final LocalDate BORN = LocalDate.of(2014, 3, 3);

	private ChildFixtures() {
	}

	/**
	 * What is known of a child first recorded: name, date of birth and NHS number, not
	 * looked after.
	 */
	public static ChildRecords.NewChild aChild(String givenNames, String familyName) {
		return new ChildRecords.NewChild(givenNames, familyName, BORN, null, NhsNumbers.random(), null, null, false);
	}

	/** A child with a record and no open case. */
	public static Child aRecordedChild(ChildRecords children, String givenNames, String familyName) {
		return children.register(aChild(givenNames, familyName));
	}

	/**
	 * A child whose case is open: allocated to that worker, so new information goes to
	 * them, not through screening.
	 */
	public static Child aChildWithAnOpenCase(ChildRecords children, String givenNames, String familyName,
			String allocatedWorker) {
		Child child = children.register(aChild(givenNames, familyName));
		children.allocate(child.id(), allocatedWorker);
		return children.find(child.id()).orElseThrow();
	}

}
