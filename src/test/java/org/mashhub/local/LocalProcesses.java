package org.mashhub.local;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a process and everything below it: politely first, by force if it will not go.
 */
final class LocalProcesses {

	private LocalProcesses() {
	}

	static void stop(ProcessHandle process, Duration patience) {
		List<ProcessHandle> tree = new java.util.ArrayList<>(process.descendants().toList());
		tree.add(0, process);
		tree.forEach(ProcessHandle::destroy);
		for (ProcessHandle handle : tree) {
			CompletableFuture<ProcessHandle> exit = handle.onExit();
			try {
				exit.get(patience.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException ex) {
				handle.destroyForcibly();
			}
			catch (ExecutionException ex) {
				handle.destroyForcibly();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				handle.destroyForcibly();
			}
		}
	}

}
