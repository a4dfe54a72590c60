package dev.msakit.contracts;

/** Each service's id: its spring.application.name, its Eureka application and its Ribbon client name. */
public final class ServiceIds {

    public static final String MEMBER = "member-service";
    public static final String PRODUCT = "product-service";
    public static final String ORDER = "order-service";
    /** The monolith the catalog and ordering move out of; it registers too, so the gateway and Admin find it. */
    public static final String LEGACY = "legacy-shop";
    /** Owns the feature switches and releases; every gateway routes by the table it serves. */
    public static final String RELEASE_CONTROL = "release-control";
    public static final String GATEWAY = "zuul-gateway";

    private ServiceIds() {
    }
}
