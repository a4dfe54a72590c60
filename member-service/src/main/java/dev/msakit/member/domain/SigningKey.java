package dev.msakit.member.domain;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "signing_key")
public class SigningKey {

    public static final String CURRENT = "current";

    @Id
    private String id;

    @Column(name = "private_key_pem", nullable = false)
    private String privateKeyPem;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SigningKey() {
    }

    public SigningKey(String id, String privateKeyPem) {
        this.id = id;
        this.privateKeyPem = privateKeyPem;
        this.createdAt = Instant.now();
    }

    public String getPrivateKeyPem() {
        return privateKeyPem;
    }
}
