package bench;

import org.springframework.boot.builder.SpringApplicationBuilder;

import app.Application;

/** The application plus {@link PushBenchEndpoints}, for {@code bench/push.sh}. */
public final class PushBenchmarkServer {

    private PushBenchmarkServer() {
    }

    public static void main(String[] args) {
        new SpringApplicationBuilder(Application.class, PushBenchEndpoints.class).run(args);
    }
}
