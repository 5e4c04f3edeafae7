package org.tandem.observer.store;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;

/**
 * Says why a connection failed in words a user can act on. Java's HTTP client throws a {@code ConnectException} without
 * a message and keeps little of the reason (an unknown host is a bare {@code UnresolvedAddressException}, a refused
 * connection may surface as a {@code ClosedChannelException} from its retry), so the message alone would read "null".
 * When the failure was in connecting, the host is asked once more the plain way (name lookup, then a socket) to get the
 * operating system's own reason.
 */
final class ConnectionFailure {
    private static final int PROBE_TIMEOUT_MS = 5_000;

    private ConnectionFailure() {
    }

    /** e.g. {@code UnknownHostException: registry.npmjs.org: Name or service not known}, {@code ConnectException: Connection refused}. */
    static String reason(IOException failure, URI uri) {
        if (causedBy(failure, ConnectException.class) || causedBy(failure, UnresolvedAddressException.class)) {
            String probed = probe(uri);
            if (probed != null) {
                return probed;
            }
        }
        Throwable deepest = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getClass().getSimpleName() + ": " + t.getMessage();
            }
            deepest = t;
        }
        return deepest.getClass().getSimpleName();
    }

    /** The lookup's or the socket's exception, or null when the host can be reached now. */
    private static String probe(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : "http".equals(uri.getScheme()) ? 80 : 443;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByName(uri.getHost()), port), PROBE_TIMEOUT_MS);
            return null;
        } catch (IOException e) {
            String message = e.getMessage() == null || e.getMessage().isBlank() ? "" : ": " + e.getMessage();
            if (e instanceof UnknownHostException && !message.contains(uri.getHost())) {
                message = ": " + uri.getHost() + message;
            }
            return e.getClass().getSimpleName() + message;
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
