package org.mashhub.child;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.mashhub.security.CurrentUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may open a child's record, and what goes with it (the chronology): the child's
 * allocated worker, or a reader one of the child's cases is open to
 * ({@link ChildReaders}). Anyone else is told there is no such child.
 */
@Service
public class ChildAccess {

	private final ChildRecords children;

	private final List<ChildReaders> readers;

	ChildAccess(ChildRecords children, List<ChildReaders> readers) {
		this.children = children;
		this.readers = readers;
	}

	/** The child, if the reader may open their record. */
	@Transactional(readOnly = true)
	public Child readable(UUID id, CurrentUser reader) {
		return this.children.find(id)
			.filter((child) -> reader.username().equals(child.allocatedWorker())
					|| this.readers.stream().anyMatch((cases) -> cases.mayRead(id, reader)))
			.orElseThrow(() -> new NoSuchElementException("No child " + id));
	}

}
