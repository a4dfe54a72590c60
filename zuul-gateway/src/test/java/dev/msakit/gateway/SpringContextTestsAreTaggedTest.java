package dev.msakit.gateway;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build runs the plain unit tests of this module in one shared JVM and only classes tagged spring-context in a
 * JVM each (see the pom): a Spring context test without the tag would share Archaius' static Ribbon settings with the
 * next one and route to its WireMock server.
 */
class SpringContextTestsAreTaggedTest {

    @Test
    void everySpringBootTestRunsInAJvmOfItsOwn() throws IOException, URISyntaxException {
        Path classes = Paths.get(getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names;
        try (Stream<Path> files = Files.walk(classes)) {
            names = files.map(classes::relativize).map(Path::toString).filter(name -> name.endsWith("Test.class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .collect(Collectors.toList());
        }
        List<Class<?>> springTests = names.stream().map(SpringContextTestsAreTaggedTest::load)
                .filter(type -> type.isAnnotationPresent(SpringBootTest.class)).collect(Collectors.toList());

        assertThat(springTests).as("@SpringBootTest classes").hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(type -> assertThat(type.getAnnotation(Tag.class)).as(type.getName())
                        .isNotNull().extracting(Tag::value).isEqualTo("spring-context"));
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, SpringContextTestsAreTaggedTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
