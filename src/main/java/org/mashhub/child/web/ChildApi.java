package org.mashhub.child.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.mashhub.child.Child;
import org.mashhub.child.ChildReaders;
import org.mashhub.child.ChildRecords;
import org.mashhub.security.AccessAudit;
import org.mashhub.security.CurrentUser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A child's record, flags and chronology, for the MASH and assessment staff who work the
 * case: the child's allocated worker, or a reader one of the child's cases is open to
 * (anyone else is told there is no such child). Every view is audited.
 */
@RestController
@PreAuthorize("hasAnyAuthority('mash-social-worker', 'mash-manager', 'assessment-social-worker')")
class ChildApi {

	private final ChildRecords children;

	private final AccessAudit audit;

	private final Clock clock;

	private final List<ChildReaders> readers;

	ChildApi(ChildRecords children, AccessAudit audit, Clock clock, List<ChildReaders> readers) {
		this.children = children;
		this.audit = audit;
		this.clock = clock;
		this.readers = readers;
	}

	record ChildView(Child child, ChildRecords.Flags flags) {
	}

	@GetMapping("/api/children/{id}")
	@Transactional
	ChildView child(@PathVariable UUID id, Authentication authentication) {
		Child child = readable(id, CurrentUser.of(authentication));
		this.audit.record("VIEW", "child", id.toString(), null);
		return new ChildView(child, this.children.flags(id, LocalDate.now(this.clock)));
	}

	@GetMapping("/api/children/{id}/chronology")
	@Transactional
	List<ChildRecords.ChronologyEntry> chronology(@PathVariable UUID id, Authentication authentication) {
		readable(id, CurrentUser.of(authentication));
		this.audit.record("VIEW_CHRONOLOGY", "child", id.toString(), null);
		return this.children.chronology(id);
	}

	private Child readable(UUID id, CurrentUser reader) {
		return this.children.find(id)
			.filter((child) -> reader.username().equals(child.allocatedWorker())
					|| this.readers.stream().anyMatch((cases) -> cases.mayRead(id, reader)))
			.orElseThrow(() -> new NoSuchElementException("No child " + id));
	}

}
