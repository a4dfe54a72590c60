package dev.msakit.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * settings.conf: the suite's credentials and deployment-wide settings, from which dev.env, .env.example and the
 * Kubernetes secrets example are written.
 */
final class SettingsDeclaration {

    static final Set<String> FILES = Set.of("dev", "env", "k8s");
    /** A process list entry meaning every Spring Boot process. */
    static final String EVERY_PROCESS = "*";
    private static final String PER_APP = "<APP>";

    private final List<Setting> settings;

    private SettingsDeclaration(List<Setting> settings) {
        this.settings = Collections.unmodifiableList(settings);
    }

    static SettingsDeclaration read(Path root) {
        List<Setting> settings = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(root.resolve("settings.conf"), StandardCharsets.UTF_8)) {
                String row = line.trim();
                if (row.startsWith("#:")) {
                    comments.add("#" + row.substring(2));
                    continue;
                }
                if (row.isEmpty() || row.startsWith("#")) {
                    continue;
                }
                String[] c = row.split("\\s+");
                List<String> files = Arrays.asList(c.length == 6 ? c[4].split(",") : new String[0]);
                if (c.length != 6 || !FILES.containsAll(files) || !(c[1].equals("yes") || c[1].equals("no"))) {
                    throw new IllegalStateException("settings.conf: bad row (6 columns, secret yes|no, files of "
                            + FILES + "): " + line);
                }
                List<String> processes = List.of(c[5].split(","));
                if (c[0].contains(PER_APP)) {
                    for (String app : processes) {
                        String upper = app.toUpperCase(Locale.ROOT).replace('-', '_');
                        settings.add(new Setting(c[0].replace(PER_APP, upper), c[1].equals("yes"),
                                value(c[2]), value(c[3]).replace("<app>", app), files,
                                List.of(app, "eureka-server"), List.copyOf(comments)));
                        // The comment goes above the first of them only.
                        comments.clear();
                    }
                } else {
                    settings.add(new Setting(c[0], c[1].equals("yes"), value(c[2]), value(c[3]), files, processes,
                            List.copyOf(comments)));
                }
                comments.clear();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SettingsDeclaration(settings);
    }

    /** "-" is no value, "" an empty one. */
    private static String value(String column) {
        return "-".equals(column) ? null : "\"\"".equals(column) ? "" : column;
    }

    List<Setting> all() {
        return settings;
    }

    Setting named(String name) {
        return settings.stream().filter(s -> s.name.equals(name)).findFirst().orElse(null);
    }

    /** One of the three files: a header, then each setting written there, with its comments, as NAME=value. */
    String render(String file, List<String> header) {
        StringBuilder text = new StringBuilder();
        header.forEach(line -> text.append(line).append('\n'));
        for (Setting setting : settings) {
            if (!setting.files.contains(file)) {
                continue;
            }
            setting.comments.forEach(line -> text.append(line).append('\n'));
            text.append(setting.name).append('=').append(file.equals("dev") ? setting.dev : setting.example)
                    .append('\n');
        }
        return text.toString();
    }

    static final class Setting {
        final String name;
        final boolean secret;
        /** ./msa's development value, or null. */
        final String dev;
        /** The examples' value, or null. */
        final String example;
        final List<String> files;
        final List<String> processes;
        final List<String> comments;

        Setting(String name, boolean secret, String dev, String example, List<String> files, List<String> processes,
                List<String> comments) {
            this.name = name;
            this.secret = secret;
            this.dev = dev;
            this.example = example;
            this.files = files;
            this.processes = processes;
            this.comments = comments;
        }

        boolean goesTo(String process) {
            return processes.contains(EVERY_PROCESS) || processes.contains(process);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
