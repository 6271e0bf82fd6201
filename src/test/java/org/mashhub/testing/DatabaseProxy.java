package org.mashhub.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between the tests' app and its PostgreSQL that a test can cut, as a
 * database stopped or a network gone would: every open connection is dropped and new ones
 * are refused until it is restored.
 */
public final class DatabaseProxy {

	private final ServerSocket server;

	private final int databasePort;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private volatile boolean cut;

	private DatabaseProxy(int databasePort) throws IOException {
		this.databasePort = databasePort;
		this.server = new ServerSocket(0);
		Thread accepting = new Thread(this::accept, "database-proxy");
		accepting.setDaemon(true);
		accepting.start();
	}

	static DatabaseProxy to(int databasePort) {
		try {
			return new DatabaseProxy(databasePort);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the database proxy", ex);
		}
	}

	public int port() {
		return this.server.getLocalPort();
	}

	/** Drops every connection and refuses new ones. */
	public void cut() {
		this.cut = true;
		for (Socket socket : this.open) {
			close(socket);
		}
		this.open.clear();
	}

	public void restore() {
		this.cut = false;
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				if (this.cut) {
					close(client);
					continue;
				}
				Socket database = new Socket("127.0.0.1", this.databasePort);
				// The database's protocol is many small round trips: no waiting to batch
				// them
				client.setTcpNoDelay(true);
				database.setTcpNoDelay(true);
				this.open.add(client);
				this.open.add(database);
				if (this.cut) {
					// cut while this one opened: it goes with the others
					close(client);
					close(database);
					continue;
				}
				relay(client, database);
				relay(database, client);
			}
			catch (IOException ex) {
				// a connection that failed as it opened: the app's pool tries again
			}
		}
	}

	private void relay(Socket from, Socket to) {
		Thread relay = new Thread(() -> {
			byte[] buffer = new byte[16 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// the other side went, or the proxy was cut
			}
			finally {
				close(from);
				close(to);
				this.open.remove(from);
				this.open.remove(to);
			}
		}, "database-proxy-relay");
		relay.setDaemon(true);
		relay.start();
	}

	private static void close(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

}
