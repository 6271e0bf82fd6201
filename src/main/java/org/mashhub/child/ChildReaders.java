package org.mashhub.child;

import java.util.UUID;

import org.mashhub.security.CurrentUser;

/**
 * Implemented by a module whose cases are about children, to say whose record a reader
 * may open: a child's record follows the need-to-know of the cases about them, never the
 * reader's role alone.
 */
public interface ChildReaders {

	/** Whether a case of this module about the child is the reader's to read. */
	boolean mayRead(UUID childId, CurrentUser reader);

}
