package dev.msakit.platform.messaging;

import dev.msakit.contracts.Roles;
import dev.msakit.platform.problem.ApiException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import javax.validation.Valid;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.Size;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * This service's dead letters for operators (ADMIN), reached through the gateway at
 * {@code /api/admin/dead-letters/<service>/**}; {@code ./msa dlq} drives it. The service's own name is part of the
 * path, so one gateway route per service reaches each one's letters.
 */
@RestController
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
@RequestMapping("/admin/dead-letters/{service}")
public class DeadLetterController {

    private static final int MAX_LISTED = 500;

    private final DeadLetterStore store;
    private final String serviceId;

    public DeadLetterController(DeadLetterStore store, String serviceId) {
        this.store = store;
        this.serviceId = serviceId;
    }

    /** Parked counts per topic, then the letters (newest first), filtered by status and topic. */
    @GetMapping
    public Map<String, Object> list(@PathVariable String service,
                                    @RequestParam(required = false) StoredDeadLetter.Status status,
                                    @RequestParam(required = false) String topic,
                                    @RequestParam(defaultValue = "50") int limit) {
        requireThisService(service);
        if (limit < 1 || limit > MAX_LISTED) {
            throw ApiException.badRequest("limit must be between 1 and " + MAX_LISTED);
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("service", serviceId);
        view.put("parked", store.parkedByTopic());
        view.put("deadLetters", store.list(status, topic, limit));
        return view;
    }

    @GetMapping("/{id}")
    public StoredDeadLetter get(@PathVariable String service, @PathVariable long id) {
        requireThisService(service);
        return store.get(id).orElseThrow(() -> ApiException.notFound("No dead letter " + id));
    }

    /** Publishes it again to its topic (handled once, like any message); 409 when resolved or compensated. */
    @PostMapping("/{id}/redrive")
    public StoredDeadLetter redrive(@PathVariable String service, @PathVariable long id, Principal who) {
        requireThisService(service);
        return resolving(() -> store.redrive(id, name(who)));
    }

    /** Every parked letter of one topic that can be redriven, oldest first. */
    @PostMapping("/redrive")
    public Map<String, Object> redriveAll(@PathVariable String service, @RequestParam String topic, Principal who) {
        requireThisService(service);
        List<StoredDeadLetter> redriven = store.redriveAll(topic, name(who));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("topic", topic);
        view.put("redriven", redriven.size());
        view.put("parked", store.parkedByTopic());
        return view;
    }

    /** Marks it discarded with the operator's reason (recorded); nothing is published. */
    @PostMapping("/{id}/discard")
    public StoredDeadLetter discard(@PathVariable String service, @PathVariable long id,
                                    @Valid @RequestBody Discard discard, Principal who) {
        requireThisService(service);
        return resolving(() -> store.discard(id, name(who), discard.getReason()));
    }

    private void requireThisService(String service) {
        if (!serviceId.equals(service)) {
            throw ApiException.notFound("This is " + serviceId + "; its dead letters are under /admin/dead-letters/"
                    + serviceId);
        }
    }

    private static StoredDeadLetter resolving(Supplier<StoredDeadLetter> action) {
        try {
            return action.get();
        } catch (NoSuchElementException e) {
            throw ApiException.notFound(e.getMessage());
        } catch (IllegalStateException e) {
            throw ApiException.conflict(e.getMessage());
        }
    }

    private static String name(Principal who) {
        return who == null ? "unknown" : who.getName();
    }

    /** Why an operator discards a dead letter: kept with it. */
    public static class Discard {
        @NotBlank
        @Size(max = 500)
        private String reason;

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }
    }
}
