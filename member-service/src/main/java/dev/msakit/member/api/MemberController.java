package dev.msakit.member.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.msakit.contracts.Roles;
import dev.msakit.member.domain.Member;
import dev.msakit.member.domain.MemberService;
import dev.msakit.platform.api.GatewayPaths;
import dev.msakit.platform.problem.ApiException;
import dev.msakit.platform.security.AccessTokens;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import javax.servlet.http.HttpServletRequest;
import javax.validation.Valid;

@RestController
@RequestMapping("/members")
public class MemberController {

    private final MemberService members;

    public MemberController(MemberService members) {
        this.members = members;
    }

    @Operation(summary = "Sign up", responses = {
            @ApiResponse(responseCode = "201", description = "Created; Location names the member"),
            @ApiResponse(responseCode = "409", description = "A member with this e-mail exists")})
    @PostMapping
    public ResponseEntity<MemberResponse> signUp(@Valid @RequestBody SignUpRequest request, HttpServletRequest http) {
        Member member = members.signUp(request.getEmail(), request.getPassword(), request.getName());
        return ResponseEntity.created(GatewayPaths.location(http, "/members/" + member.getId()))
                .body(MemberResponse.of(member));
    }

    @Operation(summary = "Read your own member record")
    @GetMapping("/me")
    public MemberResponse me(@AuthenticationPrincipal Jwt jwt) {
        return MemberResponse.of(members.get(AccessTokens.memberId(jwt)));
    }

    @Operation(summary = "Read a member record (your own, or any as ADMIN)")
    @GetMapping("/{id}")
    public MemberResponse get(@PathVariable long id, @AuthenticationPrincipal Jwt jwt) {
        if (!AccessTokens.hasRole(jwt, Roles.ADMIN) && id != AccessTokens.memberId(jwt)) {
            throw ApiException.forbidden("You may only read your own member record");
        }
        return MemberResponse.of(members.get(id));
    }
}
