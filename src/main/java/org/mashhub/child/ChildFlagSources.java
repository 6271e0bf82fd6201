package org.mashhub.child;

import java.util.List;
import java.util.UUID;

/**
 * Implemented by a module whose cases mark a child wherever the child is shown ("repeat
 * missing"): a short flag in words, never what the case holds.
 */
public interface ChildFlagSources {

	/** The flags this module's cases put on the child now, or none. */
	List<String> flagsOf(UUID childId);

}
