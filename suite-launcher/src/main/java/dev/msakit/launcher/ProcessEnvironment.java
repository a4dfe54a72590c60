package dev.msakit.launcher;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What each process of the suite finds in its environment beyond the settings all of them share: the database server
 * every account it must create, a data-owning service its own account only (DB_*), the registry every application's
 * account and each application its own registry password; and which of the suite's secrets a process must not inherit
 * from the shell that starts it (the other accounts', the superuser's, the registry's own).
 */
public final class ProcessEnvironment {

    private final SuiteDeclaration declaration;
    private final Map<String, String> settings;
    private final Function<String, String> registryPassword;

    /**
     * @param settings         where the accounts come from: ACCOUNT_DB_USER and ACCOUNT_DB_PASSWORD for every account
     *                         suite.conf names, PG_PORT; optional MSA_BIND_ADDRESS (the address every HTTP port listens
     *                         on) and ZIPKIN_MAX_SPANS
     * @param registryPassword a registering process's registry password, by process name
     */
    public ProcessEnvironment(SuiteDeclaration declaration, Map<String, String> settings,
                              Function<String, String> registryPassword) {
        this.declaration = declaration;
        this.settings = settings;
        this.registryPassword = registryPassword;
    }

    /** The variables to set for the process (on top of the shared settings, which they override). */
    public Map<String, String> variables(SuiteDeclaration.Process process) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (isDatabaseServer(process)) {
            variables.put("PG_ACCOUNTS", declaration.databaseOwners().stream()
                    .map(owner -> owner.account() + ":" + owner.databaseName()).collect(Collectors.joining(",")));
            for (SuiteDeclaration.Process owner : declaration.databaseOwners()) {
                variables.put(owner.account() + "_DB_USER", setting(owner.account() + "_DB_USER"));
                variables.put(owner.account() + "_DB_PASSWORD", setting(owner.account() + "_DB_PASSWORD"));
            }
            return variables;
        }
        if (process.database != null) {
            variables.put("DB_NAME", process.databaseName());
            variables.put("DB_PORT", setting("PG_PORT"));
            variables.put("DB_USER", setting(process.account() + "_DB_USER"));
            variables.put("DB_PASSWORD", setting(process.account() + "_DB_PASSWORD"));
        }
        if (isRegistry(process)) {
            variables.put("REGISTRY_ACCOUNTS", declaration.all().stream().filter(SuiteDeclaration.Process::registers)
                    .map(app -> app.name + "=" + registryPassword.apply(app.name)).collect(Collectors.joining(",")));
        }
        if (process.registers()) {
            variables.put("REGISTRY_PASSWORD", registryPassword.apply(process.name));
        }
        String bindAddress = settings.get("MSA_BIND_ADDRESS");
        if (bindAddress != null && !bindAddress.isBlank()) {
            variables.put("SERVER_ADDRESS", bindAddress);
        }
        if ("tracing".equals(process.tier)) {
            // Zipkin keeps spans in memory: its default of 500,000 outgrows the heap of the tracing set.
            variables.put("MEM_MAX_SPANS", settings.getOrDefault("ZIPKIN_MAX_SPANS", "40000"));
            if (bindAddress != null && !bindAddress.isBlank()) {
                // It listens through Armeria, whose list of ports is bound from one source as a whole.
                variables.put("ARMERIA_PORTS_0_IP", bindAddress);
                variables.put("ARMERIA_PORTS_0_PORT", Integer.toString(process.port));
                variables.put("ARMERIA_PORTS_0_PROTOCOLS_0", "http");
            }
        }
        return variables;
    }

    /** The suite's secrets this process must not inherit (set again by {@link #variables} where it is its own). */
    public Set<String> withheld(SuiteDeclaration.Process process) {
        Set<String> withheld = new TreeSet<>();
        if (!isDatabaseServer(process)) {
            withheld.add("PG_SUPERUSER_PASSWORD");
            for (SuiteDeclaration.Process owner : declaration.databaseOwners()) {
                withheld.add(owner.account() + "_DB_PASSWORD");
            }
        }
        if (!isRegistry(process)) {
            withheld.add("EUREKA_PASSWORD");
        }
        for (SuiteDeclaration.Process app : declaration.all()) {
            if (app.registers()) {
                withheld.add(RegistryPasswords.variable(app.name));
            }
        }
        return withheld;
    }

    private String setting(String name) {
        String value = settings.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set (./msa takes it from dev.env or the environment)");
        }
        return value;
    }

    private static boolean isDatabaseServer(SuiteDeclaration.Process process) {
        return "postgres-server".equals(process.module);
    }

    private static boolean isRegistry(SuiteDeclaration.Process process) {
        return "eureka-server".equals(process.module);
    }
}
