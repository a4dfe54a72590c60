package dev.msakit.member.api;

import dev.msakit.member.domain.Member;
import dev.msakit.member.domain.MemberService;
import dev.msakit.platform.problem.ApiException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import javax.validation.Valid;
import java.net.URI;
import java.util.List;

@RestController
@RequestMapping("/members")
public class MemberController {

    private final MemberService members;

    public MemberController(MemberService members) {
        this.members = members;
    }

    @PostMapping
    public ResponseEntity<MemberResponse> signUp(@Valid @RequestBody SignUpRequest request) {
        Member member = members.signUp(request.getEmail(), request.getPassword(), request.getName());
        return ResponseEntity.created(URI.create("/members/" + member.getId())).body(MemberResponse.of(member));
    }

    @GetMapping("/me")
    public MemberResponse me(@AuthenticationPrincipal Jwt jwt) {
        return MemberResponse.of(members.get(memberId(jwt)));
    }

    @GetMapping("/{id}")
    public MemberResponse get(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        boolean admin = roles != null && roles.contains("ADMIN");
        if (!admin && id != memberId(jwt)) {
            throw ApiException.forbidden("You may only read your own member record");
        }
        return MemberResponse.of(members.get(id));
    }

    private static long memberId(Jwt jwt) {
        try {
            return Long.parseLong(jwt.getSubject());
        } catch (NumberFormatException e) {
            throw ApiException.unauthorized("The access token has no member subject");
        }
    }
}
