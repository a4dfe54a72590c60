package dev.msakit.member.domain;

import dev.msakit.platform.domain.DomainException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

@Service
public class MemberService {

    /** Compared against when the email is unknown, so a login takes as long whether or not the account exists. */
    private final String dummyHash;

    private final MemberRepository members;
    private final PasswordEncoder passwordEncoder;

    public MemberService(MemberRepository members, PasswordEncoder passwordEncoder) {
        this.members = members;
        this.passwordEncoder = passwordEncoder;
        this.dummyHash = passwordEncoder.encode("not-a-real-password");
    }

    @Transactional
    public Member signUp(String email, String password, String name) {
        return create(email, password, name, EnumSet.of(Role.MEMBER));
    }

    @Transactional
    public Member create(String email, String password, String name, Set<Role> roles) {
        String normalized = normalize(email);
        if (members.existsByEmail(normalized)) {
            throw DomainException.conflict("A member with this email already exists");
        }
        try {
            return members.saveAndFlush(new Member(normalized, passwordEncoder.encode(password), name.trim(), roles));
        } catch (DataIntegrityViolationException raced) {
            // Two sign-ups with one email at the same moment: the unique constraint decides.
            throw DomainException.conflict("A member with this email already exists");
        }
    }

    @Transactional(readOnly = true)
    public Member authenticate(String email, String password) {
        Member member = members.findByEmail(normalize(email)).orElse(null);
        String hash = member == null ? dummyHash : member.getPasswordHash();
        boolean matches = passwordEncoder.matches(password, hash);
        if (member == null || !matches) {
            throw DomainException.notAuthenticated("Email or password is wrong");
        }
        return member;
    }

    @Transactional(readOnly = true)
    public Member get(long id) {
        return members.findById(id).orElseThrow(() -> DomainException.notFound("No member with id " + id));
    }

    @Transactional(readOnly = true)
    public boolean exists(String email) {
        return members.existsByEmail(normalize(email));
    }

    /** The form an e-mail address is stored and looked up in. */
    public static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
