package dev.msakit.member.config;

import dev.msakit.member.domain.MemberService;
import dev.msakit.member.domain.Role;
import dev.msakit.platform.domain.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.util.EnumSet;

/** Creates the initial admin account from the environment, once; an existing account is left as it is. */
@Component
public class AdminAccountInitializer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminAccountInitializer.class);
    private static final int MIN_PASSWORD_LENGTH = 8;

    private final AdminProperties admin;
    private final MemberService members;

    public AdminAccountInitializer(AdminProperties admin, MemberService members) {
        this.admin = admin;
        this.members = members;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (admin.getEmail().isBlank() || admin.getPassword().isBlank()) {
            log.info("No initial admin configured (ADMIN_EMAIL / ADMIN_PASSWORD)");
            return;
        }
        if (admin.getPassword().length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("ADMIN_PASSWORD must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (members.exists(admin.getEmail())) {
            return;
        }
        try {
            members.create(admin.getEmail(), admin.getPassword(), admin.getName(), EnumSet.of(Role.MEMBER, Role.ADMIN));
            log.info("Created the initial admin account");
        } catch (DomainException alreadyCreatedByAnotherInstance) {
            log.info("The initial admin account exists already");
        }
    }
}
