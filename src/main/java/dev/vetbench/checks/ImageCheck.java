package dev.vetbench.checks;

import java.time.Instant;

/**
 * A check that starts its own container from an image version and a profile, because what it proves lives in the
 * container's log or mounts rather than at a bare endpoint: PROXY protocol and encryption at rest.
 *
 * <p>Given only a host:port ({@link #run(CheckTarget, CheckContext)}), it answers ERROR (wrong usage): it could
 * not run, which is never a pass.
 */
public interface ImageCheck extends Check {

    /**
     * Starts the image with the profile, checks it, and removes every container and fresh volume it made before
     * returning. Bounded by the context's deadline; stops early when cancelled.
     */
    CheckResult run(ImageTarget target, CheckContext context);

    @Override
    default CheckResult run(CheckTarget target, CheckContext context) {
        return CheckResult.error(id(), target, ErrorReason.WRONG_USAGE, "The " + title() + " check needs an image "
            + "version and a profile (--image REPO:TAG --profile NAME), not a bare host:port.",
            Evidence.builder().fact("target", target.description()).build(), Instant.now());
    }

    /**
     * This check bound to one image target, in the shape the {@link CheckRunner} runs (deadline, cancellation,
     * anything thrown turned into ERROR); pair it with {@link ImageTarget#asCheckTarget()}.
     */
    default Check boundTo(ImageTarget target) {
        ImageCheck check = this;
        return new Check() {
            @Override
            public String id() {
                return check.id();
            }

            @Override
            public String title() {
                return check.title();
            }

            @Override
            public String hipaaReference() {
                return check.hipaaReference();
            }

            @Override
            public CheckResult run(CheckTarget ignored, CheckContext context) {
                return check.run(target, context);
            }
        };
    }
}
