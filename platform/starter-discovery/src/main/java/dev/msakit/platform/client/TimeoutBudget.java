package dev.msakit.platform.client;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one formula for nested timeouts: a Hystrix command gets what its Ribbon client may spend on every try,
 * (ConnectTimeout + ReadTimeout) x (MaxAutoRetries + 1) x (MaxAutoRetriesNextServer + 1), plus a margin, so that
 * Hystrix never cuts off a retry Ribbon is still making. Ribbon's settings are the knobs (per client
 * {@code <client>.ribbon.*}, else {@code ribbon.*}); the Hystrix timeouts follow from them.
 */
public final class TimeoutBudget {

    /** Time for the fallback and the thread hand-over after Ribbon's last try gives up. */
    static final long MARGIN_MS = 500;
    private static final Pattern CLIENT_SETTING =
            Pattern.compile("([A-Za-z0-9_-]+)\\.ribbon\\.(ConnectTimeout|ReadTimeout|MaxAutoRetries|MaxAutoRetriesNextServer)");

    private final ConfigurableEnvironment environment;

    public TimeoutBudget(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    /** The Hystrix timeout (ms) for calls through the Ribbon client of that name (or the defaults, for null). */
    public long hystrixTimeoutMs(String client) {
        return (setting(client, "ConnectTimeout", 1000) + setting(client, "ReadTimeout", 1000))
                * (setting(client, "MaxAutoRetries", 0) + 1)
                * (setting(client, "MaxAutoRetriesNextServer", 1) + 1)
                + MARGIN_MS;
    }

    /**
     * Hystrix settings for the default command and for each Ribbon client configured by name (Zuul names its
     * commands after the service id); what the application sets itself takes precedence.
     */
    public Map<String, Object> hystrixProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(timeoutKey("default"), hystrixTimeoutMs(null));
        for (String client : namedClients()) {
            properties.put(timeoutKey(client), hystrixTimeoutMs(client));
        }
        return properties;
    }

    static String timeoutKey(String command) {
        return "hystrix.command." + command + ".execution.isolation.thread.timeoutInMilliseconds";
    }

    private long setting(String client, String name, long fallback) {
        String value = client == null ? null : environment.getProperty(client + ".ribbon." + name);
        if (value == null) {
            value = environment.getProperty("ribbon." + name);
        }
        return value == null ? fallback : Long.parseLong(value.trim());
    }

    private TreeSet<String> namedClients() {
        TreeSet<String> clients = new TreeSet<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource) {
                for (String name : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
                    Matcher matcher = CLIENT_SETTING.matcher(name);
                    if (matcher.matches()) {
                        clients.add(matcher.group(1));
                    }
                }
            }
        }
        return clients;
    }
}
