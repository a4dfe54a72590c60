package dev.msakit.systemtest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The domain packages depend on no one who listens to them: the monolith sync (migration, sync) hears the domain's
 * events, so a domain class that imported it would be calling a feed by hand again, and a forgotten call would let
 * both sides drift apart silently. Domain refusals are the domain's own (DomainException), not the web layer's.
 */
class ModuleBoundariesTest {

    private static final Path ROOT = Paths.get(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();

    /** Each service's domain packages, and the packages that listen to them. */
    private static final Map<String, List<String>> DOMAIN_PACKAGES = Map.of(
            "order-service/src/main/java/dev/msakit/order", List.of("domain", "saga"),
            "product-service/src/main/java/dev/msakit/product", List.of("domain"),
            "legacy-shop/src/main/java/dev/msakit/legacy", List.of("catalog", "ordering"));

    private static final Pattern LISTENERS = Pattern.compile(
            "^import dev\\.msakit\\.(order|product|legacy)\\.(migration|sync)\\.", Pattern.MULTILINE);
    private static final Pattern WEB_REFUSALS = Pattern.compile("^import dev\\.msakit\\.platform\\.problem\\.",
            Pattern.MULTILINE);

    @Test
    void noDomainClassImportsTheSyncThatListensToIt() {
        assertThat(domainSources()).as("domain sources found").hasSizeGreaterThan(15);
        assertThat(domainSources().stream().filter(source -> LISTENERS.matcher(read(source)).find())
                .map(ROOT::relativize).collect(Collectors.toList())).isEmpty();
    }

    /** The legacy shop packages by feature: its controllers sit beside the domain, and they may speak HTTP. */
    @Test
    void noDomainClassThrowsTheWebLayersExceptions() {
        assertThat(domainSources().stream().filter(source -> !source.getFileName().toString().endsWith("Controller.java"))
                .filter(source -> WEB_REFUSALS.matcher(read(source)).find())
                .map(ROOT::relativize).collect(Collectors.toList())).isEmpty();
    }

    @Test
    void theRuleCatchesAnImportOfAFeed() {
        assertThat(LISTENERS.matcher("package x;\n\nimport dev.msakit.order.migration.OrderFeed;\n").find()).isTrue();
        assertThat(LISTENERS.matcher("import dev.msakit.legacy.sync.ChangeFeed;").find()).isTrue();
        assertThat(LISTENERS.matcher("import dev.msakit.order.domain.OrderChanged;").find()).isFalse();
    }

    private static List<Path> domainSources() {
        return DOMAIN_PACKAGES.entrySet().stream().flatMap(service -> service.getValue().stream()
                .map(pkg -> ROOT.resolve(service.getKey()).resolve(pkg))).flatMap(ModuleBoundariesTest::javaFiles)
                .collect(Collectors.toList());
    }

    private static Stream<Path> javaFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toList()).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
