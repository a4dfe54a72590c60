package dev.msakit.member.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConstructorBinding;

@ConfigurationProperties("member.admin")
@ConstructorBinding
public class AdminProperties {

    private final String email;
    private final String password;
    private final String name;

    public AdminProperties(String email, String password, String name) {
        this.email = email == null ? "" : email;
        this.password = password == null ? "" : password;
        this.name = name == null || name.isBlank() ? "Administrator" : name;
    }

    public String getEmail() {
        return email;
    }

    public String getPassword() {
        return password;
    }

    public String getName() {
        return name;
    }
}
