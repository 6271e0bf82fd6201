package org.mashhub.testing;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.mashhub.sla.Sla;

/**
 * Stands in for the {@code deadline} task listener in engine-only process tests: sets
 * each task's due date from the real SLA computation, with no ledger behind it.
 */
public class TaskDueDates {

	private final Sla sla;

	public TaskDueDates(Sla sla) {
		this.sla = sla;
	}

	public void open(DelegateTask task, String policy, Object anchor) {
		task.setDueDate(this.sla.due(policy, anchor));
	}

	public void open(DelegateTask task, String policy, Object anchor, Integer amount) {
		task.setDueDate(this.sla.due(policy, anchor, amount));
	}

	public void close(DelegateTask task) {
		// Lateness and reasons for delay are the ledger's, tested with it
	}

	public void cancel(DelegateTask task) {
		// As for close
	}

}
