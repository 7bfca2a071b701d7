package app.platform.devservices;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.DisposableBean;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The in-process SMTP server (GreenMail) that dev services start when no {@code spring.mail.host} is configured, so
 * that a local run and the tests send real mail over SMTP. It listens on a free loopback port, accepts any sender,
 * recipient and credentials, and keeps what it received in memory for the local {@code /dev/mails} page.
 */
public final class DevMailServer implements DisposableBean {

    static final String HOST = "127.0.0.1";

    private final int port;
    private final List<ReceivedMail> beforeRestart = new ArrayList<>();
    private GreenMail server;

    private DevMailServer(int port) {
        this.port = port;
    }

    /** Starts a server on a free loopback port. */
    static DevMailServer startOnFreePort() {
        DevMailServer server = new DevMailServer(freeLoopbackPort());
        server.start();
        return server;
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** Starts the server again on its port after {@link #stop()}; a no-op while it runs. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        GreenMail started = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        started.start();
        server = started;
    }

    /**
     * Stops accepting connections (as a mail server that is down), until {@link #start()}. The messages received so
     * far are kept.
     */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        beforeRestart.addAll(current());
        server.stop();
        server = null;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Every message received since the server first started, oldest first. */
    public synchronized List<ReceivedMail> received() {
        List<ReceivedMail> all = new ArrayList<>(beforeRestart);
        all.addAll(current());
        return List.copyOf(all);
    }

    @Override
    public void destroy() {
        stop();
    }

    private List<ReceivedMail> current() {
        return server == null ? List.of()
                : Arrays.stream(server.getReceivedMessages()).map(ReceivedMail::of).toList();
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(HOST, 0));
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new DevServicesException("No free loopback port for the local SMTP server", e);
        }
    }
}
