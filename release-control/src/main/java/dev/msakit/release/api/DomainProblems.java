package dev.msakit.release.api;

import dev.msakit.platform.problem.Problem;
import dev.msakit.platform.problem.Problems;
import dev.msakit.release.canary.InvalidPlanException;
import dev.msakit.release.canary.NoReleaseException;
import dev.msakit.release.canary.ReleaseConflictException;
import dev.msakit.release.reconcile.FlipRefusedException;
import dev.msakit.release.reconcile.RepairRefusedException;
import dev.msakit.release.switches.InvalidChangeException;
import dev.msakit.release.switches.StaleVersionException;
import dev.msakit.release.switches.UnknownFeatureException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import javax.servlet.http.HttpServletRequest;

/**
 * The domain's own failures as problem+json: 404 unknown feature or release, 400 impossible change or plan, 409 a
 * release in the way or a flip the gate refuses, 412 stale If-Match.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DomainProblems {

    @ExceptionHandler(UnknownFeatureException.class)
    public ResponseEntity<Problem> unknown(UnknownFeatureException e, HttpServletRequest request) {
        return Problems.response(HttpStatus.NOT_FOUND, e.getMessage(), request.getRequestURI());
    }

    @ExceptionHandler({InvalidChangeException.class, InvalidPlanException.class})
    public ResponseEntity<Problem> invalid(RuntimeException e, HttpServletRequest request) {
        return Problems.response(HttpStatus.BAD_REQUEST, e.getMessage(), request.getRequestURI());
    }

    @ExceptionHandler(NoReleaseException.class)
    public ResponseEntity<Problem> noRelease(NoReleaseException e, HttpServletRequest request) {
        return Problems.response(HttpStatus.NOT_FOUND, e.getMessage(), request.getRequestURI());
    }

    @ExceptionHandler({ReleaseConflictException.class, RepairRefusedException.class})
    public ResponseEntity<Problem> conflict(RuntimeException e, HttpServletRequest request) {
        return Problems.response(HttpStatus.CONFLICT, e.getMessage(), request.getRequestURI());
    }

    /** The gate's objection in its own field too, for a console or script to show. */
    @ExceptionHandler(FlipRefusedException.class)
    public ResponseEntity<Problem> flipRefused(FlipRefusedException e, HttpServletRequest request) {
        Problem problem = Problems.of(HttpStatus.CONFLICT, e.getMessage(), request.getRequestURI())
                .with("objection", e.getObjection());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(Problems.PROBLEM_JSON).body(problem);
    }

    /** With the current version in the body and as the ETag: what a client needs to read again and decide. */
    @ExceptionHandler(StaleVersionException.class)
    public ResponseEntity<Problem> stale(StaleVersionException e, HttpServletRequest request) {
        Problem problem = Problems.of(HttpStatus.PRECONDITION_FAILED, e.getMessage(), request.getRequestURI())
                .with("currentVersion", e.getCurrentVersion());
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).contentType(Problems.PROBLEM_JSON)
                .eTag(EntityTags.of(e.getCurrentVersion())).body(problem);
    }
}
