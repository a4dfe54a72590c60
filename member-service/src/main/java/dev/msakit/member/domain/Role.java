package dev.msakit.member.domain;

public enum Role {
    MEMBER, ADMIN
}
