package bench;

import org.springframework.boot.builder.SpringApplicationBuilder;

import app.Application;

/** The application plus {@link BenchEndpoints}, for {@code bench/gateway.sh}. */
public final class GatewayBenchmarkServer {

    private GatewayBenchmarkServer() {
    }

    public static void main(String[] args) {
        new SpringApplicationBuilder(Application.class, BenchEndpoints.class).run(args);
    }
}
