package dev.msakit.member.api;

import dev.msakit.member.domain.Member;
import dev.msakit.member.domain.Role;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

public class MemberResponse {

    private final long id;
    private final String email;
    private final String name;
    private final List<String> roles;
    private final Instant createdAt;

    private MemberResponse(long id, String email, String name, List<String> roles, Instant createdAt) {
        this.id = id;
        this.email = email;
        this.name = name;
        this.roles = roles;
        this.createdAt = createdAt;
    }

    static MemberResponse of(Member member) {
        return new MemberResponse(member.getId(), member.getEmail(), member.getName(),
                member.getRoles().stream().map(Role::name).sorted().collect(Collectors.toList()),
                member.getCreatedAt());
    }

    public long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getName() {
        return name;
    }

    public List<String> getRoles() {
        return roles;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
