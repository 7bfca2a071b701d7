package bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.beans.factory.config.BeanPostProcessor;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Counts the application's DynamoDB calls by operation and table, and the time spent in them, for the benchmarks. */
public final class DynamoDbCallCounter implements BeanPostProcessor {

    private final Map<String, LongAdder> calls = new ConcurrentSkipListMap<>();
    private final Map<String, LongAdder> nanos = new ConcurrentSkipListMap<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof DynamoDbClient client) || Proxy.isProxyClass(bean.getClass())) {
            return bean;
        }
        return Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(), new Class<?>[] { DynamoDbClient.class },
                (proxy, method, args) -> {
                    long start = System.nanoTime();
                    try {
                        return method.invoke(client, args);
                    }
                    catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    finally {
                        String table = args != null && args.length == 1 && args[0] != null ? tableOf(args[0]) : "";
                        String key = method.getName() + " " + table;
                        calls.computeIfAbsent(key, k -> new LongAdder()).increment();
                        nanos.computeIfAbsent(key, k -> new LongAdder()).add(System.nanoTime() - start);
                    }
                });
    }

    private static String tableOf(Object request) {
        try {
            return String.valueOf(request.getClass().getMethod("tableName").invoke(request));
        }
        catch (ReflectiveOperationException e) {
            return "";
        }
    }

    /** How many calls were made so far, of every operation. */
    long calls() {
        return calls.values().stream().mapToLong(LongAdder::sum).sum();
    }

    void reset() {
        calls.clear();
        nanos.clear();
    }

    /** Prints each operation's calls per unit of work and its mean time. */
    void print(String unit, int units) {
        calls.forEach((key, count) -> System.out.printf("    %-48s %6.1f calls per %s, mean %.2f ms%n", key,
                count.doubleValue() / units, unit, nanos.get(key).doubleValue() / count.doubleValue() / 1e6));
    }
}
