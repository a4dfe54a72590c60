package dev.msakit.launcher;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {

    @Test
    void readsNestedObjectsArraysAndEveryKindOfValue() {
        Object value = Json.parse(" {\"instances\": [ {\"hostPort\": \"localhost:8082\", \"registeredAt\": 1764800000123,"
                + " \"inRotation\": true, \"tripped\": false, \"zone\": null}, {\"ratio\": -1.5e2} ],"
                + " \"name\": \"a \\\"quoted\\\" \\\\ name \\u00e9\\n\", \"empty\": {}, \"none\": []} ");

        List<?> instances = Json.list(Json.path(value, "instances"));
        assertThat(instances).hasSize(2);
        Object first = instances.get(0);
        assertThat(Json.path(first, "hostPort")).isEqualTo("localhost:8082");
        assertThat(Json.path(first, "registeredAt")).isEqualTo(1764800000123d);
        assertThat(Json.path(first, "inRotation")).isEqualTo(true);
        assertThat(Json.path(first, "tripped")).isEqualTo(false);
        assertThat(new java.util.ArrayList<Object>(((Map<?, ?>) first).keySet())).containsExactly("hostPort", "registeredAt", "inRotation", "tripped", "zone");
        assertThat(Json.path(first, "zone")).isNull();
        assertThat(Json.path(instances.get(1), "ratio")).isEqualTo(-150d);
        assertThat(Json.path(value, "name")).isEqualTo("a \"quoted\" \\ name é\n");
        assertThat(Json.path(value, "empty")).isEqualTo(Map.of());
        assertThat(Json.list(Json.path(value, "none"))).isEmpty();
    }

    @Test
    void aMissingMemberOrAPathThroughAValueIsNull() {
        Object value = Json.parse("{\"a\": {\"b\": 1}}");

        assertThat(Json.path(value, "a", "c")).isNull();
        assertThat(Json.path(value, "a", "b", "c")).isNull();
        assertThat(Json.list(Json.path(value, "a"))).hasSize(1);
    }

    @Test
    void refusesWhatIsNotJson() {
        assertThatThrownBy(() -> Json.parse("{\"a\": 1,}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("member name expected");
        assertThatThrownBy(() -> Json.parse("[1, 2")).hasMessageContaining("']' expected");
        assertThatThrownBy(() -> Json.parse("\"open")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> Json.parse("{} {}")).hasMessageContaining("text after the value");
        assertThatThrownBy(() -> Json.parse("<html>")).hasMessageContaining("a value expected");
        assertThatThrownBy(() -> Json.parse("")).hasMessageContaining("a value expected");
    }
}
